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
            StringBuilder b = new StringBuilder();
            for (String para : in.split("\n\\s*\n")) {
                if (para.isBlank()) continue;
                b.append("<p>").append(escape(para.strip()).replace("\n", "<br>")).append("</p>");
            }
            html = b.toString();
        } else {
            // written HTML: blank lines still separate paragraphs, unless a block starts with its own block element
            StringBuilder b = new StringBuilder();
            for (String block : in.split("\n\s*\n")) {
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
