package org.commonground.bench;

import java.util.Arrays;
import java.util.Random;

import org.commonground.proposal.text.LineNumbering;
import org.commonground.publishing.PdfRenderer;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;

/**
 * Issue 6's rendering numbers: the PDF of a document of about 8,000 words (about 600 numbered lines, some 20
 * pages) warm, target under 1.5 s; and of a 50,000-word manifesto, target under 10 s. Fingerprint, template and
 * layout included. Run it with bench/run-publishing.
 */
public final class PublishingBenchmark {

    public static void main(String[] args) {
        measure(8_000, 5, 1_500);
        measure(50_000, 2, 10_000);
    }

    private static void measure(int words, int runs, int targetMs) {
        DocumentContent content = DocumentContent.draft("Benchmark " + words, ProposalBenchmark.manifesto(words, new Random(42)));
        int lines = LineNumbering.number(content.body(), content.lineWidth()).size();
        PdfRenderer renderer = new PdfRenderer();
        renderer.render(DocumentXhtml.render(content, Fingerprint.of(content), null), "en");
        double[] ms = new double[runs];
        int pages = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            byte[] pdf = renderer.render(DocumentXhtml.render(content, Fingerprint.of(content), null), "en").pdf();
            ms[i] = (System.nanoTime() - start) / 1e6;
            pages = pdfPages(pdf);
        }
        Arrays.sort(ms);
        System.out.printf("%,d words, %,d numbered lines, %d pages: median %.0f ms, worst %.0f ms (target %,d ms)%n",
                words, lines, pages, ms[ms.length / 2], ms[ms.length - 1], targetMs);
        Summary.line("run-publishing", String.format(java.util.Locale.ROOT, "PDF of %,d words, median of %d", words, runs),
                String.format(java.util.Locale.ROOT, "< %,d ms", targetMs), Summary.ms(ms[ms.length / 2]), ms[ms.length / 2] < targetMs);
    }

    private static int pdfPages(byte[] pdf) {
        try {
            return new org.openpdf.text.pdf.PdfReader(pdf).getNumberOfPages();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
