package eu.somep.forum.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Everything a user writes becomes HTML through here, before it is stored: plain text becomes paragraphs; HTML
 * keeps only an allow-list of elements and attributes (OWASP Java HTML Sanitizer), so no script, style, event
 * handler or foreign URL scheme survives. {@code @username} mentions become marked names.
 */
public final class Sanitizer {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "span")
            .allowElements("a").allowAttributes("href").onElements("a").allowStandardUrlProtocols().requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("class").matching(Pattern.compile("mention")).onElements("span")
            .toFactory();
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@/])@([a-z0-9][a-z0-9._-]{1,99})");

    private Sanitizer() {
    }

    /** The safe HTML of what a user wrote; {@code isUser} says which {@code @names} are real accounts. */
    public static String html(String written, java.util.function.Predicate<String> isUser) {
        String in = written == null ? "" : written.replace("\r\n", "\n");
        String html;
        if (!in.contains("<")) {
            html = markdown(in);
        } else {
            // written HTML: blank lines still separate paragraphs, unless a block starts with its own block element
            StringBuilder b = new StringBuilder();
            for (String block : in.split("\n\\s*\n")) {
                String t = block.strip();
                if (t.isEmpty()) continue;
                boolean own = t.matches("(?is)^<(p|ul|ol|blockquote|pre|h[3-5])[\\s>].*");
                b.append(own ? t : "<p>" + t.replace("\n", "<br>") + "</p>");
            }
            html = b.toString();
        }
        Matcher m = MENTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(isUser.test(name) ? "<span class=\"mention\">@" + name + "</span>" : m.group()));
        }
        m.appendTail(out);
        return POLICY.sanitize(out.toString());
    }

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![*\\w])");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^\\s)]+)\\)");

    /**
     * Plain text with a little Markdown: blank lines separate paragraphs, {@code - } starts a list item, {@code > }
     * a quote, {@code **bold**}, {@code *italic*}, {@code `code`} and {@code [text](https://...)}. The text is
     * escaped first, so the markup can only add the elements named here (and the sanitiser checks them again).
     */
    static String markdown(String in) {
        StringBuilder b = new StringBuilder();
        for (String block : in.split("\n\\s*\n")) {
            if (block.isBlank()) continue;
            String[] lines = block.strip().split("\n");
            boolean list = java.util.Arrays.stream(lines).allMatch(l -> l.startsWith("- ") || l.startsWith("* "));
            boolean quote = java.util.Arrays.stream(lines).allMatch(l -> l.startsWith(">"));
            if (list) {
                b.append("<ul>");
                for (String l : lines) b.append("<li>").append(inline(l.substring(2).strip())).append("</li>");
                b.append("</ul>");
            } else if (quote) {
                StringBuilder q = new StringBuilder();
                for (String l : lines) q.append(q.length() == 0 ? "" : "<br>").append(inline(l.substring(1).strip()));
                b.append("<blockquote><p>").append(q).append("</p></blockquote>");
            } else {
                StringBuilder p = new StringBuilder();
                for (String l : lines) p.append(p.length() == 0 ? "" : "<br>").append(inline(l.strip()));
                b.append("<p>").append(p).append("</p>");
            }
        }
        return b.toString();
    }

    private static String inline(String raw) {
        String s = escape(raw);
        s = LINK.matcher(s).replaceAll("<a href=\"$2\">$1</a>");
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        s = ITALIC.matcher(s).replaceAll("<em>$1</em>");
        s = CODE.matcher(s).replaceAll("<code>$1</code>");
        return s;
    }

    /** The plain text of stored HTML, for quotes, search snippets and mails. */
    public static String text(String html) {
        return html == null ? "" : html.replaceAll("(?i)<br>|</p>|</li>|</blockquote>", "\n").replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&#64;", "@")
                .replace("&amp;", "&").strip();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;");
    }
}
