package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonground.proposal.text.LineNumbering;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class PdfRendererTest {

    static final String WELSH = "Mae'r ŵyn yn pori ger y dŵr; ŷd yn y maes. Æ ø å ß é ł ő — “quotes” and 10 < 20 & 30 > 5.";

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(extractor.getTextFromPage(page)).append('\n');
        }
        return all.toString();
    }

    @Test
    void aDraftRendersWithEmbeddedFontsWelshLettersLineNumbersPagesAndMetadata() throws Exception {
        String body = ("## Adran\n\n" + WELSH + " " + "Fair votes for every nation in these islands. ".repeat(6) + "\n\n").repeat(30);
        DocumentContent draft = DocumentContent.draft("Pleidleisiau teg ŵ ŷ", body);
        String fingerprint = Fingerprint.of(draft);
        PdfRenderer.Rendered rendered = new PdfRenderer().render(DocumentXhtml.render(draft, fingerprint, "https://cg.example/verify"), "cy");

        assertThat(rendered.refused()).isEmpty();
        PdfReader reader = new PdfReader(rendered.pdf());
        int pages = reader.getNumberOfPages();
        assertThat(pages).isGreaterThan(1);
        assertThat(reader.getInfo()).containsEntry("Title", "Pleidleisiau teg ŵ ŷ").containsEntry("Subject", "Draft");
        assertThat(reader.getCatalog().get(org.openpdf.text.pdf.PdfName.LANG).toString()).isEqualTo("cy");

        String text = text(rendered.pdf());
        assertThat(text).contains("ŵyn", "dŵr", "ŷd", "DRAFT – not agreed", "Page 1 of " + pages, "Page " + pages + " of " + pages, fingerprint);
        int lastLine = LineNumbering.number(body, 80).size();
        // Every line number the screen shows, in the margin, up to the last.
        assertThat(text).containsPattern("(?m)^\\s*" + lastLine + "\\s*$");
        // The fonts come embedded (a font file in each descriptor), from the bundled Liberation family.
        int embedded = 0;
        StringBuilder names = new StringBuilder();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof org.openpdf.text.pdf.PdfDictionary d && d.contains(org.openpdf.text.pdf.PdfName.FONTFILE2)) {
                embedded++;
                names.append(d.get(org.openpdf.text.pdf.PdfName.FONTNAME)).append(' ');
            }
        }
        assertThat(embedded).isGreaterThan(0);
        assertThat(names.toString()).contains("LiberationSerif");
    }

    @Test
    void aLongResultsTableRepeatsItsHeaderOnTheNextPage() throws Exception {
        List<DocumentContent.ResultRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(new DocumentContent.ResultRow("P" + i, 10, 5, 3, 2, "consents"));
        }
        DocumentContent c = new DocumentContent("Proposal", "Many parties", "A group", List.of("A"), "Agreed", 80, "Short text.", rows, "Passed.", List.of(), List.of(), "", false);
        byte[] pdf = new PdfRenderer().render(DocumentXhtml.render(c, Fingerprint.of(c), "https://cg.example/verify"), "en").pdf();
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isGreaterThan(1);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        assertThat(extractor.getTextFromPage(reader.getNumberOfPages())).contains("Electorate", "Against");
        assertThat(text(pdf)).doesNotContain("DRAFT");
    }
}
