package dev.moss.db.layout;

import dev.moss.format.record.LayoutRecord;
import java.util.Objects;

/** One row of the layout database: a layout record and the id of the package that ships it. */
public record LayoutRow(String packageId, LayoutRecord record) {
    public LayoutRow {
        Objects.requireNonNull(packageId);
        Objects.requireNonNull(record);
    }
}
