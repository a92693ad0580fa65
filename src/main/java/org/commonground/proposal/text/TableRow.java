package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.List;

/** The cells of one pipe-table row, split as GFM does: on every pipe not escaped by a backslash. Pure. */
public final class TableRow {

    private TableRow() {
    }

    /** The row's cells, trimmed, without the optional pipes at either end; an escaped {@code \|} stays in its cell. */
    public static List<String> cells(String row) {
        String text = row.strip();
        if (text.startsWith("|")) {
            text = text.substring(1);
        }
        if (text.endsWith("|") && !text.endsWith("\\|")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '|') {
                cells.add(text.substring(start, k).strip());
                start = k + 1;
            }
        }
        cells.add(text.substring(start).strip());
        return cells;
    }
}
