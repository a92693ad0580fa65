package org.commonground.election;

import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.commonground.security.CurrentMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Cards;
import org.commonground.ui.Forms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The imported elections, each opening its seat analysis. Admins import results files and the hexagon map here;
 * an import runs in the background with a progress bar, so the page stays responsive.
 */
@Route("elections")
@PageTitle("Elections · Common Ground")
@PermitAll
public class ElectionsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ElectionsView.class);

    private final ElectionService elections;
    private final Div list = new Div();
    final TextField code = new TextField("Election code");
    final TextField name = new TextField("Election name");
    final Upload resultsUpload = new Upload();
    final Button importResults = new Button("Import results");
    final ProgressBar progress = new ProgressBar(0, 100);
    final Span fileProblem = new Span();
    final Upload mapUpload = new Upload();
    private volatile byte[] resultsFile;
    /** The public pages' setting: for admins only, null for everyone else. */
    final PublicElectionForm publicForm;

    public ElectionsView(ElectionService elections, PublicElectionService publicElection, CurrentMember currentMember) {
        this.elections = elections;
        addClassName("cg-page");
        list.addClassName("cg-cards");
        add(new H2("Elections"), new Paragraph("Results by constituency, and which seats an alliance could win if its parties stood together."), list);
        if (currentMember.require().admin()) {
            publicForm = new PublicElectionForm(publicElection, elections);
            add(importForm(), mapForm(), publicForm);
        } else {
            publicForm = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        showList();
    }

    private void showList() {
        list.removeAll();
        var all = elections.elections();
        if (all.isEmpty()) {
            list.add(new Paragraph("No election results have been imported yet."));
        }
        for (ElectionService.ElectionSummary e : all) {
            list.add(Cards.card("elections/" + e.id(), e.name() + " (" + e.code() + ")", null,
                    new Paragraph(e.constituencies() + " constituencies · imported " + Dates.dayAndTime(e.importedAt()))));
        }
    }

    private Div importForm() {
        code.setPlaceholder("GE2024");
        code.setMaxLength(40);
        code.setHelperText("Importing a code again replaces that election.");
        name.setPlaceholder("General election 2024");
        name.setMaxLength(200);
        resultsUpload.setMaxFiles(1);
        resultsUpload.setMaxFileSize(ElectionService.MAX_FILE_BYTES);
        resultsUpload.setAcceptedFileTypes(".csv", "text/csv");
        resultsUpload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            resultsFile = bytes;
            fileProblem.setText("");
        }));
        resultsUpload.addFileRejectedListener(e -> fileProblem.setText(e.getErrorMessage()));
        fileProblem.addClassName("cg-error");
        fileProblem.getElement().setAttribute("role", "alert");
        progress.setVisible(false);
        progress.setWidth("20rem");
        importResults.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importResults.addClickListener(e -> startImport());
        FormLayout form = new FormLayout(code, name);
        form.setMaxWidth("40rem");
        Div section = new Div(new H3("Import results"),
                new Paragraph("A House of Commons Library \"results by constituency\" CSV (for 2024: briefing CBP-10009)."),
                form, resultsUpload, fileProblem, importResults, progress);
        section.addClassName("cg-section");
        return section;
    }

    private void startImport() {
        Forms.clear(code, name);
        byte[] file = resultsFile;
        if (file == null) {
            fileProblem.setText("Choose the results file first.");
            return;
        }
        UI ui = UI.getCurrent();
        String c = code.getValue();
        String n = name.getValue();
        importResults.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        // The import runs outside the session lock, as the signed-in admin; progress comes back through Push.
        Thread.startVirtualThread(DelegatingSecurityContextRunnable.create(() -> {
            try {
                var done = elections.importResults(c, n, file, percent -> ui.access(() -> progress.setValue(percent)));
                ui.access(() -> {
                    finishImport(true);
                    Forms.success("Imported " + done.constituencies() + " constituencies for " + done.name() + ".");
                    showList();
                    publicForm.refresh();
                });
            } catch (InvalidInputException problem) {
                ui.access(() -> {
                    finishImport(problem.messageFor("file") != null);
                    if (problem.messageFor("file") != null) {
                        fileProblem.setText(problem.messageFor("file"));
                    } else {
                        Forms.show(problem, Map.of("code", code, "name", name));
                    }
                });
            } catch (RuntimeException failure) {
                log.error("Import of election {} failed", c, failure);
                ui.access(() -> {
                    finishImport(false);
                    fileProblem.setText("The import failed and nothing was changed. Please try again; if it fails again, the server log says why.");
                });
            }
        }, SecurityContextHolder.getContext()));
    }

    private void finishImport(boolean fileDone) {
        importResults.setEnabled(true);
        progress.setVisible(false);
        if (fileDone) {
            // The next import starts from a newly chosen file (the upload takes one at a time).
            resultsFile = null;
            resultsUpload.clearFileList();
        }
    }

    private Div mapForm() {
        Span problem = new Span();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        mapUpload.setMaxFiles(1);
        mapUpload.setMaxFileSize(ElectionService.MAX_FILE_BYTES);
        mapUpload.setAcceptedFileTypes(".hexjson", ".json");
        mapUpload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                int hexes = elections.importHexMap(bytes);
                problem.setText("");
                Forms.success("The map now has " + hexes + " constituencies.");
            } catch (InvalidInputException bad) {
                problem.setText(bad.getMessage());
            }
        }));
        Div section = new Div(new H3("Import the constituency map"),
                new Paragraph("The 2024 constituencies' map is built in. A HexJSON file keyed by ONS code, such as another of Open Innovations' layouts, replaces it."),
                mapUpload, problem);
        section.addClassName("cg-section");
        return section;
    }
}
