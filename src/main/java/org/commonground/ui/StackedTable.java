package org.commonground.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;

/**
 * A table that is a table at desktop width and a pile of cards on a phone (styles/commonground.css, "390 px"):
 * each row becomes a card headed by its row heading, each cell a line led by its column's heading. The heading is
 * written into every cell, shown only when stacked, since a stacked table is no longer read as a table.
 */
public class StackedTable extends NativeTable {

    private final List<Supplier<Component>> columns;

    /**
     * @param rowHeading the heading of the first column, which holds each row's own heading
     * @param columns    the other columns' headings; each is made again for every cell it labels on a phone
     */
    public StackedTable(String caption, String rowHeading, List<Supplier<Component>> columns) {
        this.columns = columns;
        addClassNames("cg-terms", "cg-stacked");
        if (caption != null) {
            setCaptionText(caption);
        }
        NativeTableRow head = getHead().addRow();
        head.add(columnHeading(new Span(rowHeading)));
        for (Supplier<Component> column : columns) {
            head.add(columnHeading(column.get()));
        }
    }

    /** A row: its heading, then one value per column, in the columns' order. */
    public NativeTableRow addRow(Component heading, List<? extends Component> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
        }
        NativeTableHeaderCell rowHeading = new NativeTableHeaderCell(heading);
        rowHeading.getElement().setAttribute("scope", "row");
        NativeTableRow row = getBody().addRow();
        row.add(rowHeading);
        for (int i = 0; i < values.size(); i++) {
            Span label = new Span(columns.get(i).get());
            label.addClassName("cg-stacked-label");
            NativeTableCell cell = new NativeTableCell(label, values.get(i));
            row.add(cell);
        }
        return row;
    }

    private static NativeTableHeaderCell columnHeading(Component content) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(content);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }
}
