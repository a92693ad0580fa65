package org.commonground.proposal;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The numbered text, where selecting words with the mouse or by touch, or lines with the keyboard, offers "Comment on
 * this" and "Amend this" in a small toolbar beside the selection. The keyboard way: Tab to the text, arrow keys move
 * a visible line focus, Shift+arrows select lines, Enter offers the toolbar (its buttons next by Tab), Escape closes
 * it. The browser reports the selection as line numbers ({@code div#line-N}) and the words selected; the number
 * fields of the forms below stay as the fallback.
 */
class SelectableText extends Div {

    /** "Comment on this" on lines {@code from}–{@code to}, quoting the words selected (none when selected by keyboard). */
    interface CommentAction {
        void comment(int from, int to, String quote);
    }

    /** "Amend this" on lines {@code from}–{@code to}. */
    interface AmendAction {
        void amend(int from, int to);
    }

    private static final int MAX_QUOTE = ProposalDiscussion.MAX_QUOTE;

    /** Installed once per element; lines are looked up when used, so the text below can be redrawn at will. */
    private static final String SCRIPT = """
            const root = this;
            if (root.__cgSelect) { return; }
            root.__cgSelect = true;
            const text = root.querySelector('.cg-select-text');
            const bar = root.querySelector('.cg-select-toolbar');
            let focused = 0, anchor = 0, timer = null;
            const line = n => text.querySelector('#line-' + n);
            const count = () => text.querySelectorAll('.cg-line').length;
            const numberOf = node => {
              const el = node && (node.nodeType === 1 ? node : node.parentElement);
              const l = el && el.closest('.cg-line');
              return l && text.contains(l) ? parseInt(l.id.substring(5)) : 0;
            };
            const mark = (from, to) => {
              text.querySelectorAll('.cg-line-selected, .cg-line-focus').forEach(l => l.classList.remove('cg-line-selected', 'cg-line-focus'));
              for (let n = from; n && n <= to; n++) { line(n).classList.add('cg-line-selected'); }
              if (focused) { line(focused).classList.add('cg-line-focus'); }
            };
            const place = rect => {
              const base = root.getBoundingClientRect();
              bar.classList.add('cg-open');
              bar.style.top = (rect.bottom - base.top + 6) + 'px';
              bar.style.left = Math.max(0, Math.min(rect.left - base.left, root.clientWidth - bar.offsetWidth)) + 'px';
            };
            const close = () => { bar.classList.remove('cg-open'); };
            const offer = (from, to, quote, rect) => { root.$server.selected(from, to, quote); place(rect); };
            const fromPointer = () => {
              const sel = getSelection();
              if (!sel.rangeCount || sel.isCollapsed) { return false; }
              const range = sel.getRangeAt(0);
              if (!text.contains(range.commonAncestorContainer) && !range.intersectsNode(text)) { return false; }
              let from = numberOf(range.startContainer), to = numberOf(range.endContainer);
              if (!from || !to) {
                const hit = Array.from(text.querySelectorAll('.cg-line')).filter(l => sel.containsNode(l, true));
                if (!hit.length) { return false; }
                from = from || parseInt(hit[0].id.substring(5));
                to = to || parseInt(hit[hit.length - 1].id.substring(5));
              }
              const quote = sel.toString().replace(/\\s+/g, ' ').trim().substring(0, $0);
              if (!quote) { return false; }
              focused = 0;
              mark(0, 0);
              offer(Math.min(from, to), Math.max(from, to), quote, range.getBoundingClientRect());
              return true;
            };
            text.addEventListener('mouseup', () => setTimeout(fromPointer, 0));
            text.addEventListener('touchend', () => setTimeout(fromPointer, 300));
            // Touch selection handles move without a touchend on the text: follow the selection itself.
            document.addEventListener('selectionchange', () => {
              clearTimeout(timer);
              timer = setTimeout(() => {
                const sel = getSelection();
                if (sel.rangeCount && !sel.isCollapsed && text.contains(sel.anchorNode)) { fromPointer(); }
              }, 400);
            });
            text.addEventListener('mousedown', close);
            const moveTo = (n, extend) => {
              n = Math.max(1, Math.min(count(), n));
              if (!n) { return; }
              focused = n;
              if (!extend || !anchor) { anchor = n; }
              const from = Math.min(anchor, n), to = Math.max(anchor, n);
              mark(from, to);
              const el = line(n);
              el.setAttribute('tabindex', '-1');
              el.focus();
              if (extend) {
                offer(from, to, '', line(to).getBoundingClientRect());
              } else {
                close();
              }
            };
            text.addEventListener('focus', e => {
              // Only the keyboard's focus: a click that focuses the text must leave the selection it starts alone.
              if (e.target !== text || !text.matches(':focus-visible')) { return; }
              if (focused) { line(focused).focus(); } else { moveTo(1, false); }
            });
            text.addEventListener('keydown', e => {
              const keys = {ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10};
              if (e.key in keys) {
                moveTo((focused || 0) + keys[e.key], e.shiftKey);
              } else if (e.key === 'Home' || e.key === 'End') {
                moveTo(e.key === 'Home' ? 1 : count(), e.shiftKey);
              } else if (e.key === 'Enter' || e.key === ' ') {
                if (!focused) { return; }
                const from = Math.min(anchor || focused, focused), to = Math.max(anchor || focused, focused);
                offer(from, to, '', line(to).getBoundingClientRect());
              } else if (e.key === 'Escape') {
                anchor = focused;
                mark(focused, focused);
                close();
              } else {
                return;
              }
              e.preventDefault();
            });
            bar.addEventListener('keydown', e => {
              if (e.key === 'Escape') {
                e.preventDefault();
                close();
                (focused ? line(focused) : text).focus();
              }
            });
            root.__cgSelectClose = () => { close(); if (focused) { line(focused).focus(); } };""";

    private final Div text = new Div();
    private final Div toolbar = new Div();
    final Span chosen = new Span();
    final Button comment = new Button("Comment on this");
    final Button amend = new Button("Amend this");
    private int lineCount;
    private int from;
    private int to;
    private String quote = "";

    SelectableText(CommentAction onComment, AmendAction onAmend) {
        addClassName("cg-selectable");
        text.addClassName("cg-select-text");
        toolbar.addClassName("cg-select-toolbar");
        toolbar.getElement().setAttribute("role", "toolbar");
        toolbar.getElement().setAttribute("aria-label", "The selected lines");
        chosen.getElement().setAttribute("role", "status");
        chosen.addClassName("cg-select-lines");
        comment.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        amend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        comment.addClickListener(e -> {
            close();
            if (from > 0) {
                onComment.comment(from, to, quote);
            }
        });
        amend.addClickListener(e -> {
            if (from > 0) {
                onAmend.amend(from, to);
            }
        });
        toolbar.add(chosen, comment, amend);
        add(text, toolbar);
    }

    /** Which actions the reader may take on a text of {@code lineCount} lines; with none, the text only shows. */
    void allow(boolean canComment, boolean canAmend, int lineCount) {
        this.lineCount = lineCount;
        comment.setVisible(canComment);
        amend.setVisible(canAmend);
        boolean selectable = (canComment || canAmend) && lineCount > 0;
        toolbar.setVisible(selectable);
        if (selectable) {
            text.getElement().setAttribute("tabindex", "0");
            text.getElement().setAttribute("aria-label", "Numbered text. To comment on or amend lines: arrow keys move "
                    + "between lines, Shift with arrow keys selects lines, Enter offers what to do with them, Escape closes.");
        } else {
            text.getElement().removeAttribute("tabindex");
            text.getElement().removeAttribute("aria-label");
        }
    }

    /** Shows new text; a selection made on the old one is dropped, as its line numbers may now mean other words. */
    void show(Component content) {
        text.removeAll();
        text.add(content);
        from = 0;
        to = 0;
        quote = "";
    }

    /** Closes the toolbar; keyboard focus goes back to the line it was on. */
    void close() {
        getElement().executeJs("if (this.__cgSelectClose) { this.__cgSelectClose(); }");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        getElement().executeJs(SCRIPT, MAX_QUOTE);
    }

    /** The browser's report of a selection: lines {@code first}–{@code last}, and the words selected (none by keyboard). */
    @ClientCallable
    void selected(int first, int last, String words) {
        if (first < 1 || last < first || last > lineCount) {
            return;
        }
        from = first;
        to = last;
        String trimmed = words == null ? "" : words.strip();
        quote = trimmed.length() > MAX_QUOTE ? trimmed.substring(0, MAX_QUOTE) : trimmed;
        chosen.setText(from == to ? "Line " + from + " selected" : "Lines " + from + "\u2013" + to + " selected");
    }
}
