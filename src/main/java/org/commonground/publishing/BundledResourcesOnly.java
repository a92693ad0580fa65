package org.commonground.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.commonground.publishing.document.DocumentXhtml;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.XMLResource;

/**
 * The renderer's only way to fetch anything: resources bundled with the app ({@code bundled:document.css}) are
 * served from the classpath folder {@code publishing/}, and the renderer's own default stylesheet from its jar;
 * every other address ({@code http:}, {@code https:},
 * {@code file:}, {@code jar:}, relative paths...) is refused without being opened, and remembered so tests can
 * see what a document asked for.
 */
final class BundledResourcesOnly extends ITextUserAgent {

    /** Flying Saucer's own default stylesheet for XHTML, inside its jar: part of the renderer, not of any document. */
    private static final String RENDERER_DEFAULTS = String.valueOf(
            org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css"));

    private final List<String> refused = new CopyOnWriteArrayList<>();

    BundledResourcesOnly(ITextOutputDevice device, int dotsPerPixel) {
        super(device, dotsPerPixel);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    /** No resolution against a base address: an address means only what it says. */
    @Override
    public String resolveURI(String uri) {
        return uri;
    }

    @Override
    protected InputStream resolveAndOpenStream(String uri) {
        try {
            return openStream(uri);
        } catch (IOException refusedOrMissing) {
            return null;
        }
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        String name = uri == null ? "" : uri;
        if (name.equals(RENDERER_DEFAULTS)) {
            return org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResourceAsStream("/resources/css/XhtmlNamespaceHandler.css");
        }
        // Only plain names inside the bundle: no "..", no slashes, no other scheme.
        if (name.startsWith(DocumentXhtml.BUNDLED) && name.substring(DocumentXhtml.BUNDLED.length()).matches("[a-z0-9-]+\\.(css|png|svg)")) {
            InputStream in = BundledResourcesOnly.class.getResourceAsStream("/publishing/" + name.substring(DocumentXhtml.BUNDLED.length()));
            if (in != null) {
                return in;
            }
        }
        refused.add(name);
        throw new IOException("Refused to fetch " + name + ": documents may use only bundled resources.");
    }

    @Override
    protected java.net.URLConnection openConnection(String uri) throws IOException {
        refused.add(uri);
        throw new IOException("Refused to connect to " + uri + ".");
    }

    @Override
    public XMLResource getXMLResource(String uri) {
        refused.add(uri);
        return null;
    }

    @Override
    public byte[] getBinaryResource(String uri) {
        try (InputStream in = openStream(uri)) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
