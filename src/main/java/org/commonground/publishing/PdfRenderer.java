package org.commonground.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XHTML to PDF with Flying Saucer, closed to the outside: the XHTML is parsed by a parser that refuses DOCTYPEs
 * (so no external entities and no entity expansion), the user agent serves only bundled resources, and the fonts
 * (Liberation, which covers Welsh ŵ and ŷ and the other European alphabets) come from a library jar, embedded.
 */
public final class PdfRenderer {

    private static final List<String> FONTS = List.of(
            "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf", "liberation/LiberationSerif-Italic.ttf",
            "liberation/LiberationSerif-BoldItalic.ttf", "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
            "liberation/LiberationSans-Italic.ttf", "liberation/LiberationMono-Regular.ttf");

    /** The result: the PDF, and the addresses the document asked for that were refused. */
    public record Rendered(byte[] pdf, List<String> refused) {
    }

    /** Thrown for XHTML the renderer will not read: malformed, or with a DOCTYPE or entities. */
    public static final class UnsafeDocumentException extends RuntimeException {
        UnsafeDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Rendered render(String xhtml, String language) {
        Document document = parse(xhtml);
        String fingerprint = metaContent(document, "fingerprint");
        ITextOutputDevice device = new ITextOutputDevice(26.666666f);
        BundledResourcesOnly userAgent = new BundledResourcesOnly(device, 20);
        ITextRenderer renderer = new ITextRenderer(26.666666f, 20, device, userAgent);
        addFonts(renderer);
        renderer.setListener(new DefaultPDFCreationListener() {
            @Override
            public void preWrite(ITextRenderer r, int pageCount) {
                super.preWrite(r, pageCount);
                r.getWriter().getExtraCatalog().put(PdfName.LANG, new PdfString(language));
                if (!fingerprint.isEmpty()) {
                    // The verification page reads it back from an uploaded copy.
                    r.getWriter().getInfo().put(FINGERPRINT, new PdfString(fingerprint));
                }
            }
        });
        renderer.setDocument(document, DocumentXhtmlBase.BASE);
        renderer.layout();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            renderer.createPDF(pdf);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        } finally {
            renderer.finishPDF();
        }
        return new Rendered(pdf.toByteArray(), userAgent.refused());
    }

    /** The document information entry that names the fingerprint of the content a PDF shows. */
    public static final PdfName FINGERPRINT = new PdfName("Fingerprint");

    private static String metaContent(Document document, String name) {
        var metas = document.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            var meta = (org.w3c.dom.Element) metas.item(i);
            if (name.equals(meta.getAttribute("name"))) {
                return meta.getAttribute("content");
            }
        }
        return "";
    }

    /** Parses XHTML with DOCTYPEs, external entities and XInclude all off. */
    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            throw new UnsafeDocumentException("The document is not well-formed XHTML without a DOCTYPE: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    /** The font files, read from the jar once: every rendering embeds them, none re-reads them. */
    private static final Map<String, byte[]> FONT_FILES = readFonts();

    private static Map<String, byte[]> readFonts() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String font : FONTS) {
            try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(font)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + font + " is missing from the classpath (openpdf-fonts-extra)");
                }
                files.put(font, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("Font " + font + " cannot be read", e);
            }
        }
        return files;
    }

    private static void addFonts(ITextRenderer renderer) {
        FONT_FILES.forEach((name, bytes) -> {
            try {
                renderer.getFontResolver().addFont(BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null), name, null);
            } catch (IOException | org.openpdf.text.DocumentException e) {
                throw new IllegalStateException("Font " + name + " cannot be used", e);
            }
        });
    }

    /** The base address documents are laid out against: nothing resolves against it, and it names no real place. */
    private static final class DocumentXhtmlBase {
        static final String BASE = "bundled:";
    }
}
