package io.kaitenimport.issue;

/**
 * Keeps messages one readable line: a message quoting a 2 MB cell or a 20,000-digit key would otherwise print all
 * of it (issue 14's mutation campaign found both). Any run of more than {@value #LONGEST} characters without a space
 * is cut to its start plus the number of characters left out; line breaks become spaces.
 */
public final class Abbreviate {
    static final int LONGEST = 200;
    private static final int KEEP = 80;
    private static final int MOST = 2_000;

    private Abbreviate() {
    }

    public static String text(String s) {
        if (s == null || s.length() <= LONGEST && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), 4 * LONGEST));
        int i = 0;
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && !breaks(s.charAt(end))) {
                end++;
            }
            if (end - i > LONGEST) {
                out.append(s, i, i + KEEP).append("…(").append(end - i - KEEP).append(" more characters)");
            } else {
                out.append(s, i, end);
            }
            if (end < s.length()) {
                out.append(' ');
            }
            i = end + 1;
        }
        if (out.length() > MOST) {
            out.setLength(MOST);
            out.append("…(cut at ").append(MOST).append(" characters)");
        }
        return out.toString();
    }

    private static boolean breaks(char c) {
        return c == ' ' || c == '\n' || c == '\r';
    }
}
