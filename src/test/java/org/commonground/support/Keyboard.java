package org.commonground.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;

/**
 * A keyboard user's hands: only {@code page.keyboard()} moves focus or acts, and what is focused is read back from
 * the page. Focus is followed into shadow roots, since Vaadin's controls keep the focused element inside theirs.
 */
public final class Keyboard {

    /** The focused element, through shadow roots, and the box that shows it (the Vaadin control it belongs to). */
    private static final String FOCUSED = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body || el === document.documentElement) return null;
              let box = el;
              const root = el.getRootNode();
              if (root instanceof ShadowRoot) box = root.host;
              else if (el.hasAttribute('slot') && el.parentElement && el.parentElement.tagName.startsWith('VAADIN-')) box = el.parentElement;
              return box;
            }""";

    private static final String DESCRIBE = """
            box => {
              if (!box) return '(nothing: focus is on the page itself)';
              const name = box.getAttribute('aria-label') || box.getAttribute('label') || (box.innerText || box.value || '').trim();
              return box.tagName.toLowerCase() + ' "' + name.replace(/\\s+/g, ' ').slice(0, 60) + '"';
            }""";

    /** Whether the focused element is {@code target} or inside it (across shadow roots). */
    private static final String HOLDS_FOCUS = """
            target => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              for (let n = el; n; n = n.parentNode || n.host) {
                if (n === target) return true;
              }
              return false;
            }""";

    private Keyboard() {
    }

    public static void press(Page page, String key) {
        page.keyboard().press(key);
    }

    public static void type(Page page, String text) {
        page.keyboard().type(text);
    }

    /** The focused control, as a short description for messages. */
    public static String focused(Page page) {
        JSHandle box = page.evaluateHandle(FOCUSED);
        try {
            return describe(box);
        } finally {
            box.dispose();
        }
    }

    private static String describe(JSHandle box) {
        return (String) box.evaluate(DESCRIBE);
    }

    private static boolean isNull(JSHandle box) {
        return Boolean.TRUE.equals(box.evaluate("b => b === null"));
    }

    /** Whether {@code target}, or something inside it, has focus. */
    public static boolean holdsFocus(Locator target) {
        return Boolean.TRUE.equals(target.evaluate(HOLDS_FOCUS));
    }

    private static boolean holdsFocus(JSHandle target) {
        return Boolean.TRUE.equals(target.evaluate(HOLDS_FOCUS));
    }

    /**
     * Presses Tab ({@code forward}) or Shift+Tab until {@code target} has focus, at most {@code limit} times: a page
     * that needs more for its main control should offer a shorter way. Fails naming every stop on the way.
     */
    public static void tabTo(Page page, Locator target, int limit, boolean forward) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            if (holdsFocus(target)) {
                return;
            }
            if (i == limit) {
                break;
            }
            page.keyboard().press(forward ? "Tab" : "Shift+Tab");
            stops.add(focused(page));
        }
        throw new AssertionError("Not reached with " + limit + (forward ? " Tab" : " Shift+Tab") + " presses: " + target
                + "; focus went to: " + String.join(", ", stops));
    }

    public static void tabTo(Page page, Locator target, int limit) {
        tabTo(page, target, limit, true);
    }

    /**
     * The focused element shows that it has focus. It must match {@code :focus-visible}, and the focus must be seen:
     * for a control, the pixels around it differ between focused and not (Shift+Tab away, look, Tab back); for
     * something focus was moved to by the page (a heading, a new comment), which Tab skips, its outline is solid.
     * Returns the problem, or null.
     */
    public static String focusProblem(Page page) {
        JSHandle box = page.evaluateHandle(FOCUSED);
        try {
            if (isNull(box)) {
                return "nothing has focus";
            }
            String what = describe(box);
            boolean visible = Boolean.TRUE.equals(page.evaluate("""
                    () => {
                      let el = document.activeElement;
                      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                      return el.matches(':focus-visible');
                    }"""));
            if (!visible) {
                return what + " has focus but does not match :focus-visible";
            }
            boolean scriptFocused = Boolean.TRUE.equals(box.evaluate("b => b.getAttribute('tabindex') === '-1'"));
            if (scriptFocused) {
                @SuppressWarnings("unchecked")
                Map<String, Object> outline = (Map<String, Object>) box.evaluate(
                        "b => { const s = getComputedStyle(b); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; }");
                if ("none".equals(outline.get("style")) || ((Number) outline.get("width")).doubleValue() < 2) {
                    return what + " has focus but no outline to show it: " + outline;
                }
                return null;
            }
            byte[] focused = around(page, box);
            page.keyboard().press("Shift+Tab");
            byte[] unfocused = around(page, box);
            page.keyboard().press("Tab");
            if (!holdsFocus(box)) {
                return what + ": Shift+Tab then Tab did not come back to it, but went to " + focused(page);
            }
            if (Arrays.equals(focused, unfocused)) {
                return what + " looks the same focused and not: no visible focus indicator";
            }
            return null;
        } finally {
            box.dispose();
        }
    }

    /** A screenshot of the box and a few pixels around it (where rings are drawn), scrolled into view first. */
    private static byte[] around(Page page, JSHandle box) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) box.evaluate("""
                b => {
                  b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                  const r = b.getBoundingClientRect();
                  return { x: r.x, y: r.y, w: r.width, h: r.height };
                }""");
        double margin = 4;
        double x = Math.max(0, num(r, "x") - margin);
        double y = Math.max(0, num(r, "y") - margin);
        double width = Math.min(page.viewportSize().width - x, num(r, "w") + 2 * margin);
        double height = Math.min(page.viewportSize().height - y, num(r, "h") + 2 * margin);
        // Transitions run to their end (a ring fading in is compared as drawn); the text caret is hidden.
        return page.screenshot(new Page.ScreenshotOptions().setClip(x, y, Math.max(1, width), Math.max(1, height))
                .setAnimations(ScreenshotAnimations.DISABLED).setCaret(ScreenshotCaret.HIDE));
    }

    private static double num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }
}
