package org.commonground.publishing;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The PDF of a proposal or pact the member may read, at any stage, marked "DRAFT – not agreed"; at
 * {@code proposals/{id}/booklet}, the proposal's amendment booklet ({@link AmendmentBookletService}). A long text takes seconds
 * to lay out, so it is made in the background, with a progress bar, never holding the page's session lock.
 */
@Route("proposals/:proposalId(\\d+)/pdf")
@RouteAlias("pacts/:pactId(\\d+)/pdf")
@RouteAlias("proposals/:proposalId(\\d+)/booklet")
@PageTitle("PDF · Common Ground")
@PermitAll
public class DraftPdfView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(DraftPdfView.class);

    private final PublishingService publishing;
    private final AmendmentBookletService booklets;
    final Button prepare = new Button("Prepare the PDF");
    final ProgressBar progress = new ProgressBar();
    final Div result = new Div();
    private long proposalId;
    private long pactId;
    private boolean booklet;

    public DraftPdfView(PublishingService publishing, AmendmentBookletService booklets) {
        this.publishing = publishing;
        this.booklets = booklets;
        addClassName("cg-page");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("20rem");
        progress.getElement().setAttribute("aria-label", "Preparing the PDF");
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prepare.addClickListener(e -> start());
        result.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        pactId = event.getRouteParameters().getLong("pactId").orElse(0L);
        booklet = pactId == 0 && event.getLocation().getPath().endsWith("/booklet");
        prepare.setText(booklet ? "Prepare the amendment booklet" : "Prepare the PDF");
        removeAll();
        result.removeAll();
        String title;
        PublishingService.Status status;
        try {
            status = pactId != 0 ? publishing.pactStatus(pactId) : publishing.proposalStatus(proposalId);
            title = status.title();
        } catch (InvalidInputException notReadable) {
            add(new H2("Not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        if (status.published() && !booklet) {
            // An agreed text's PDF is the one published, not a draft of it.
            Publication newest = status.versions().getFirst();
            Anchor pdf = new Anchor("/p/" + newest.slug() + ".pdf", "Download the published PDF");
            pdf.getElement().setAttribute("router-ignore", true);
            add(new H2("PDF of \u201c" + title + "\u201d"), pdf, new Paragraph("Fingerprint (SHA-256): " + newest.fingerprint()));
            return;
        }
        add(new H2(heading() + " of \u201c" + title + "\u201d"), pactId != 0 ? new Anchor("pacts/" + pactId, "Back to the pact")
                        : new Anchor("proposals/" + proposalId, "Back to the proposal"),
                new Paragraph(description()), prepare, progress, result);
    }

    private void start() {
        UI ui = UI.getCurrent();
        prepare.setEnabled(false);
        progress.setVisible(true);
        result.removeAll();
        long proposal = proposalId;
        long pact = pactId;
        boolean forBooklet = booklet;
        Thread.startVirtualThread(DelegatingSecurityContextRunnable.create(() -> {
            try {
                PublishingService.Pdf pdf = make(forBooklet, proposal, pact);
                ui.access(() -> {
                    finish();
                    Anchor download = new Anchor(DownloadHandler.fromInputStream(event ->
                            new DownloadResponse(new ByteArrayInputStream(pdf.bytes()), pdf.fileName(), "application/pdf", pdf.bytes().length)),
                            "Download " + pdf.fileName());
                    download.getElement().setAttribute("download", true);
                    result.add(download, new Paragraph(new Span("Fingerprint (SHA-256): "), new Span(pdf.fingerprint())));
                });
            } catch (InvalidInputException notReadable) {
                ui.access(() -> {
                    finish();
                    result.add(new Paragraph(notReadable.getMessage()));
                });
            } catch (RuntimeException failure) {
                log.error("The PDF of {} {} could not be made", pact != 0 ? "pact" : "proposal", pact != 0 ? pact : proposal, failure);
                ui.access(() -> {
                    finish();
                    result.add(new Paragraph("The PDF could not be made. Please try again; if it fails again, the server log says why."));
                });
            }
        }, SecurityContextHolder.getContext()));
    }

    private String heading() {
        return booklet ? "Amendment booklet" : "PDF";
    }

    private String description() {
        return booklet ? "The current text with its line numbers, then every amendment with its lines, the words it changes (inserted words "
                + "underlined and marked [+ +], deleted words struck through and marked [\u2212 \u2212]), its reason and its proposer. "
                + "A4, marked \u201cDRAFT \u2013 not agreed\u201d on every page, for a meeting to print."
                : "The current text with its line numbers, A4, marked \u201cDRAFT \u2013 not agreed\u201d: only a published text is an agreed one.";
    }

    private PublishingService.Pdf make(boolean asBooklet, long proposal, long pact) {
        return asBooklet ? booklets.pdf(proposal) : pact != 0 ? publishing.pactDraftPdf(pact) : publishing.proposalDraftPdf(proposal);
    }

    private void finish() {
        prepare.setEnabled(true);
        progress.setVisible(false);
    }
}
