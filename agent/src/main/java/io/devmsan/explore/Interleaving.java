package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each thread did during one schedule, in the order it happened, and its rendering as a
 * table with one column per thread (as Lincheck prints a failing interleaving): the story's
 * operations, the checkpoint where it stopped, the injected action's steps and the offending
 * access. Appended to by the threads of the schedule, read after it.
 */
final class Interleaving {

    /** Rows kept around the interesting ones when the table is shortened. */
    private static final int CONTEXT = 4;
    private static final int CELL = 58;

    private final long origin = System.nanoTime();
    private final List<Row> rows = new ArrayList<>();

    /** One step of one thread. */
    static final class Row {
        final long nanos;
        final String thread;
        final String column;
        final String text;
        /** The site of an access, else -1: lets the offending access be found after the schedule. */
        final int accessSite;
        /** Operation entries and exits, and the action's steps, always stay in a shortened table. */
        final boolean landmark;
        String mark;

        Row(long nanos, String thread, String column, String text, int accessSite, boolean landmark) {
            this.nanos = nanos;
            this.thread = thread;
            this.column = column;
            this.text = text;
            this.accessSite = accessSite;
            this.landmark = landmark;
        }
    }

    /** Appends a step of the current thread, shown in the column named {@code column}. */
    synchronized Row add(String column, String text, int accessSite, boolean landmark) {
        Row row = new Row(System.nanoTime(), Thread.currentThread().getName(), column, text, accessSite, landmark);
        rows.add(row);
        return row;
    }

    /** Marks a row (the checkpoint, the offending access) so that the table points at it. */
    synchronized void mark(Row row, String mark) {
        row.mark = row.mark == null ? mark : row.mark + ", " + mark;
    }

    /** The last row appended by the thread named {@code thread}, or null. */
    synchronized Row lastOf(String thread) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).thread.equals(thread)) {
                return rows.get(i);
            }
        }
        return null;
    }

    /** Marks the last row of {@code column}, if any: where a blocked thread stands. */
    synchronized void markLast(String column, String mark) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).column.equals(column)) {
                mark(rows.get(i), mark);
                return;
            }
        }
    }

    /**
     * The first row (of {@code column}, or of any column when null) that accessed a place at
     * {@code line} of {@code method} in {@code className}, or null.
     */
    synchronized Row firstAccess(String column, String className, String method, int line) {
        for (Row row : rows) {
            if (row.accessSite >= 0 && (column == null || row.column.equals(column))) {
                ExplorerHooks.SiteInfo site = ExplorerHooks.site(row.accessSite);
                if (site.className().equals(className) && site.methodName().equals(method) && site.line() == line) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The position of {@code row} in the interleaving, or -1 for null. */
    synchronized int indexOf(Row row) {
        return row == null ? -1 : rows.indexOf(row);
    }

    /** The table: one column per thread, shortened to the rows that tell the story. */
    synchronized String table() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Row row : rows) {
            columns.putIfAbsent(row.column, columns.size());
        }
        boolean[] keep = keep();
        StringBuilder out = new StringBuilder();
        String[] header = new String[columns.size()];
        columns.forEach((name, index) -> header[index] = name);
        line(out, header);
        String[] ruler = new String[columns.size()];
        java.util.Arrays.fill(ruler, "-".repeat(CELL));
        line(out, ruler);
        boolean elided = false;
        for (int i = 0; i < rows.size(); i++) {
            if (!keep[i]) {
                if (!elided) {
                    String[] gap = new String[columns.size()];
                    java.util.Arrays.fill(gap, "...");
                    line(out, gap);
                }
                elided = true;
                continue;
            }
            elided = false;
            Row row = rows.get(i);
            String[] cells = new String[columns.size()];
            cells[columns.get(row.column)] = (row.mark == null ? "" : "[" + row.mark + "] ") + row.text;
            line(out, cells);
        }
        return out.toString();
    }

    /** The steps as timeline entries of a recorded finding. */
    synchronized List<ExplorerHooks.Step> steps() {
        boolean[] keep = keep();
        List<ExplorerHooks.Step> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep[i]) {
                Row row = rows.get(i);
                steps.add(new ExplorerHooks.Step((row.nanos - origin) / 1000, row.thread,
                        row.mark == null ? row.column : row.column + " [" + row.mark + "]", row.text));
            }
        }
        return steps;
    }

    /**
     * The rows worth showing: before the first mark (where the story stopped), the landmarks and a
     * few rows leading to it; from there to the last mark, everything except the other threads'
     * plain accesses; after the last mark, the other threads' landmarks only.
     */
    private boolean[] keep() {
        boolean[] keep = new boolean[rows.size()];
        int firstMark = -1;
        int lastMark = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).mark != null) {
                firstMark = firstMark < 0 ? i : firstMark;
                lastMark = i;
            }
        }
        String markedColumn = lastMark < 0 ? null : rows.get(lastMark).column;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (lastMark < 0 || i < firstMark) {
                keep[i] = row.landmark || firstMark >= 0 && i >= firstMark - CONTEXT;
            } else if (i <= lastMark) {
                keep[i] = row.landmark || row.mark != null || row.column.equals(Session.STORY);
            } else {
                keep[i] = row.landmark && !row.column.equals(markedColumn);
            }
        }
        return keep;
    }

    private static void line(StringBuilder out, String[] cells) {
        out.append('|');
        for (String cell : cells) {
            String text = cell == null ? "" : cell;
            if (text.length() > CELL) {
                text = text.substring(0, CELL - 3) + "...";
            }
            out.append(' ').append(text).append(" ".repeat(CELL - text.length())).append(" |");
        }
        out.append('\n');
    }
}
