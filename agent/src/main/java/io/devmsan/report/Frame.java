package io.devmsan.report;

/**
 * One stack frame as {@link StackTraceElement#toString()} printed it, taken apart:
 * {@code [loader/][module[@version]/]pkg.Class.method(File.java:42)}.
 *
 * @param className binary name of the declaring class, such as {@code a.b.C$D}
 * @param method the method's name
 * @param file the source file's name, or null ({@code Native Method}, {@code Unknown Source})
 * @param line the line, or -1
 */
record Frame(String className, String method, String file, int line) {

    /** The frame, or null when {@code text} is not shaped like one. */
    static Frame parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return null;
        }
        String qualified = text.substring(text.lastIndexOf('/', open) + 1, open);
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            return null;
        }
        String where = text.substring(open + 1, close);
        String file = null;
        int line = -1;
        int colon = where.lastIndexOf(':');
        if (colon > 0) {
            file = where.substring(0, colon);
            try {
                line = Integer.parseInt(where.substring(colon + 1));
            } catch (NumberFormatException e) {
                line = -1;
            }
        } else if (where.endsWith(".java") || where.endsWith(".kt") || where.endsWith(".groovy")
                || where.endsWith(".scala")) {
            file = where;
        }
        return new Frame(qualified.substring(0, dot), qualified.substring(dot + 1), file, line);
    }

    /** {@code a/b/C.java}: the source file's path in its source root, or null when the file is unknown. */
    String sourceKey() {
        return sourceKey(className, file);
    }

    /** {@code a/b/C.java} for class {@code a.b.C$D} in file {@code C.java}, or null when {@code file} is null. */
    static String sourceKey(String className, String file) {
        if (className == null || file == null || file.isEmpty()) {
            return null;
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? file : className.substring(0, dot).replace('.', '/') + "/" + file;
    }
}
