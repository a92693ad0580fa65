package org.commonground.publishing;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Publishing a proposal or pact, in the members' workspace: its published versions (public links, PDFs,
 * fingerprints), the convenor's "Publish" once it is agreed or ratified, and corrections once published.
 * Publishing renders the PDF, which for a long text takes seconds: it runs in the background with a progress bar,
 * never holding the page's session lock.
 */
@Route("proposals/:proposalId(\\d+)/publish")
@RouteAlias("pacts/:pactId(\\d+)/publish")
@PageTitle("Publishing · Common Ground")
@PermitAll
public class PublishView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(PublishView.class);

    private final PublishingService publishing;
    private final CorrectionService corrections;
    final Button publish = new Button("Publish");
    final TextArea correctedText = new TextArea("Corrected text");
    final TextField correctionReason = new TextField("What this corrects, and why");
    final Button publishCorrection = new Button("Publish the correction");
    final ProgressBar progress = new ProgressBar();
    private long proposalId;
    private long pactId;
    /** The version the correction form was filled from: a correction replaces exactly that one. */
    private String correcting;

    public PublishView(PublishingService publishing, CorrectionService corrections) {
        this.publishing = publishing;
        this.corrections = corrections;
        addClassName("cg-page");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("20rem");
        progress.getElement().setAttribute("aria-label", "Publishing");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> confirmPublishing());
        correctedText.setWidthFull();
        correctedText.setMaxLength(org.commonground.proposal.ProposalService.MAX_BODY);
        correctionReason.setWidthFull();
        correctionReason.setMaxLength(CorrectionService.MAX_REASON);
        correctionReason.setHelperText("Readers of the old version see this; it is part of the corrected document.");
        publishCorrection.addClickListener(e -> startCorrection());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        pactId = event.getRouteParameters().getLong("pactId").orElse(0L);
        show();
    }

    private void show() {
        removeAll();
        PublishingService.Status status;
        try {
            status = pactId != 0 ? publishing.pactStatus(pactId) : publishing.proposalStatus(proposalId);
        } catch (InvalidInputException notReadable) {
            add(new H2("Not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        String what = pactId != 0 ? "pact" : "proposal";
        add(new H2("Publishing \u201c" + status.title() + "\u201d"),
                new Anchor(pactId != 0 ? "pacts/" + pactId : "proposals/" + proposalId, "Back to the " + what),
                new Paragraph("This " + what + " is " + status.state().toLowerCase(Locale.ROOT) + "."));
        if (status.published()) {
            add(new H3("Published versions"), versions(status));
        }
        if (status.publishable() && status.convenor()) {
            add(new H3("Publish"), new Paragraph("Publishing freezes the text with its line numbers, "
                    + (pactId != 0 ? "the terms and each party's ratification, for all its parties at once" : "its authors and the ballot result per party")
                    + ", computes its fingerprint and makes it public at its own address, with a PDF. It cannot be unpublished: "
                    + "a mistake is fixed by publishing a correction, and the old version stays readable, marked superseded."), publish);
        } else if (status.publishable()) {
            add(new Paragraph("A convenor of the group publishes it."));
        } else if (!status.published()) {
            add(new Paragraph(pactId != 0 ? "A pact is published once every party has ratified it." : "A proposal is published once a ballot has agreed it."));
        }
        if (status.awaiting() != null) {
            add(new H3("A correction awaits consent"), new Paragraph(new Span("A correction of the published version waits for the parties that "
                    + "agreed it to agree it again; it is published, with their new result, once they do. "), new Anchor(status.awaiting(),
                    pactId != 0 ? "Each party's ratification" : "The ballot on it")));
        } else if (status.published() && status.convenor()) {
            Publication newest = status.versions().getFirst();
            correcting = newest.slug();
            Forms.clear(correctedText, correctionReason);
            correctedText.setValue(publishing.content(newest).body());
            correctionReason.clear();
            add(new H3("Publish a correction"), new Paragraph("A correction is a new version of the published document (version "
                    + (newest.version() + 1) + "). Change the " + (pactId != 0 ? "conditions" : "text") + " below and say what it corrects. "
                    + "Where more than one party agreed the text, they agree the correction again first: "
                    + (pactId != 0 ? "every party ratifies it, as its delegates choose." : "a ballot of the group, under the same rule.")),
                    correctedText, correctionReason, publishCorrection);
        }
        add(progress);
    }

    private UnorderedList versions(PublishingService.Status status) {
        UnorderedList list = new UnorderedList();
        for (Publication p : status.versions()) {
            Anchor page = publicLink("/p/" + p.slug(), "/p/" + p.slug());
            Anchor pdf = publicLink("/p/" + p.slug() + ".pdf", "PDF");
            list.add(new ListItem(new Span("Version " + p.version() + ", published " + Dates.dayAndTime(p.publishedAt())
                    + " by " + p.publishedBy() + ": "), page, new Span(" · "), pdf,
                    new Span(p.current() ? "" : " · superseded by /p/" + p.supersededBy()),
                    new Div(new Span("Fingerprint (SHA-256): "), new Span(p.fingerprint()))));
        }
        return list;
    }

    /** Public pages are served outside the Vaadin router. */
    private static Anchor publicLink(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("router-ignore", true);
        return a;
    }

    private void confirmPublishing() {
        Confirmation.ask(publish, "Publish it for everyone?",
                "Anyone will be able to read it, signed in or not. It cannot be unpublished.", "Publish now",
                () -> inBackground(() -> pactId != 0 ? publishing.publishPact(pactId) : publishing.publishProposal(proposalId),
                        published -> "Published at /p/" + published.slug()));
    }

    private void startCorrection() {
        Forms.clear(correctedText, correctionReason);
        String slug = correcting;
        String text = correctedText.getValue();
        String reason = correctionReason.getValue();
        inBackground(() -> corrections.correct(slug, text, reason), outcome -> outcome.published() != null
                ? "Correction published at /p/" + outcome.published().slug()
                : "The correction now needs the consent of the parties that agreed the text; it is published once they give it.");
    }

    private <T> void inBackground(Supplier<T> work, Function<T, String> done) {
        UI ui = UI.getCurrent();
        publish.setEnabled(false);
        publishCorrection.setEnabled(false);
        progress.setVisible(true);
        Thread.startVirtualThread(DelegatingSecurityContextRunnable.create(() -> {
            try {
                T result = work.get();
                ui.access(() -> {
                    finish();
                    show();
                    Forms.success(done.apply(result));
                });
            } catch (InvalidInputException bad) {
                ui.access(() -> {
                    finish();
                    Forms.show(bad, Map.of("body", correctedText, "reason", correctionReason));
                });
            } catch (AccessDeniedException denied) {
                ui.access(() -> {
                    finish();
                    Forms.error(denied.getMessage());
                });
            } catch (RuntimeException failure) {
                log.error("Publishing {} {} failed", pactId != 0 ? "pact" : "proposal", pactId != 0 ? pactId : proposalId, failure);
                ui.access(() -> {
                    finish();
                    Forms.error("Publishing failed, and nothing was published. Please try again; if it fails again, the server log says why.");
                });
            }
        }, SecurityContextHolder.getContext()));
    }

    private void finish() {
        publish.setEnabled(true);
        publishCorrection.setEnabled(true);
        progress.setVisible(false);
    }
}
