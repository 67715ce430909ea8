package eu.somep.quiz.exchange;

import eu.somep.quiz.spi.QuestionType.Answer;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes Moodle XML ({@code <quiz><question type="...">}) for the shipped types. The parser refuses any
 * DOCTYPE, so no DTD, external entity or entity expansion ("billion laughs") is ever processed.
 */
public final class MoodleXml {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MoodleXml() {
    }

    /** Thrown for a file that is not well-formed or declares a DOCTYPE; its message is a message key. */
    public static final class Refused extends Exception {
        public final String detail;

        Refused(String key, String detail) {
            super(key);
            this.detail = detail;
        }
    }

    static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // elements nested deeper than a Moodle file ever has are refused: reading their text recurses (a 500 from a stack overflow before)
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "200");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new ErrorHandler() { // no printing to stderr; the exception says it all
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) throws SAXException { throw e; }
            @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        });
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity");
        });
        return b;
    }

    public static List<Parsed> read(String src) throws Refused {
        Document doc;
        try {
            doc = parser().parse(new InputSource(new StringReader(src.startsWith("\uFEFF") ? src.substring(1) : src))); // the leading BOM only: one inside text is text
        } catch (SAXParseException e) {
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            throw new Refused(doctype ? "quiz.import.doctype" : "quiz.import.malformed", "line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Refused("quiz.import.malformed", String.valueOf(e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!"quiz".equals(root.getTagName())) throw new Refused("quiz.import.notquiz", root.getTagName());
        List<Parsed> out = new ArrayList<>();
        String category = null;
        int n = 0;
        for (Element q : children(root, "question")) {
            n++;
            String type = q.getAttribute("type");
            String where = "question " + n;
            if ("category".equals(type)) {
                String c = text(child(q, "category"));
                category = c.contains("/") ? c.substring(c.lastIndexOf('/') + 1).trim() : c.trim();
                if (category.isEmpty()) category = null;
                continue;
            }
            out.add(question(where, category, type, q));
        }
        return out;
    }

    static Parsed question(String where, String category, String type, Element q) {
        String name = text(child(q, "name"));
        String text = text(child(q, "questiontext"));
        String general = text(child(q, "generalfeedback"));
        if (text.isBlank()) return Parsed.failed(where, name, "quiz.import.notext");
        Map<String, String> options = new LinkedHashMap<>();
        List<Answer> answers = new ArrayList<>();
        try {
            switch (type) {
                case "multichoice" -> {
                    options.put("single", String.valueOf(flag(q, "single", true)));
                    options.put("shuffle", String.valueOf(flag(q, "shuffleanswers", true)));
                    for (Element a : children(q, "answer")) answers.add(new Answer(text(a), fraction(a), text(child(a, "feedback")), 0));
                }
                case "truefalse" -> {
                    Answer t = null;
                    Answer f = null;
                    for (Element a : children(q, "answer")) {
                        String v = text(a).trim().toLowerCase(java.util.Locale.ROOT);
                        if (v.equals("true")) t = new Answer("true", fraction(a), text(child(a, "feedback")), 0);
                        if (v.equals("false")) f = new Answer("false", fraction(a), text(child(a, "feedback")), 0);
                    }
                    if (t == null || f == null) return Parsed.failed(where, name, "quiz.import.answers");
                    answers.add(t);
                    answers.add(f);
                }
                case "shortanswer" -> {
                    options.put("case", String.valueOf(flag(q, "usecase", false)));
                    for (Element a : children(q, "answer")) answers.add(new Answer(text(a), fraction(a), text(child(a, "feedback")), 0));
                }
                case "numerical" -> {
                    for (Element a : children(q, "answer")) {
                        String v = text(a).trim();
                        if (v.equals("*")) continue; // "any other answer": nothing to earn
                        Double.parseDouble(v);
                        String tol = text(child(a, "tolerance")).trim();
                        answers.add(new Answer(v, fraction(a), text(child(a, "feedback")), tol.isEmpty() ? 0 : Double.parseDouble(tol)));
                    }
                }
                case "matching" -> {
                    options.put("shuffle", String.valueOf(flag(q, "shuffleanswers", true)));
                    for (Element sq : children(q, "subquestion")) answers.add(new Answer(text(sq), 0, "", 0, text(child(sq, "answer"))));
                }
                case "essay", "description" -> {
                    // no answers
                }
                default -> {
                    return Parsed.failed(where, name, "quiz.import.unsupported:" + type);
                }
            }
        } catch (NumberFormatException e) {
            return Parsed.failed(where, name, "quiz.import.number");
        }
        String n = name.isBlank() ? text.substring(0, Math.min(60, text.length())) : name;
        return new Parsed(where, category, type, n, text, options, answers, general, null);
    }

    static double fraction(Element a) {
        String f = a.getAttribute("fraction").trim();
        return f.isEmpty() ? 0 : Double.parseDouble(f) / 100;
    }

    static boolean flag(Element q, String tag, boolean dflt) {
        String v = text(child(q, tag)).trim().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) return dflt;
        return v.equals("1") || v.equals("true");
    }

    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList ns = e.getChildNodes();
        for (int i = 0; i < ns.getLength(); i++) {
            if (ns.item(i) instanceof Element c && c.getTagName().equals(tag)) out.add(c);
        }
        return out;
    }

    static Element child(Element e, String tag) {
        return e == null ? null : children(e, tag).stream().findFirst().orElse(null);
    }

    /** The element's {@code <text>} (or its own text), as plain text: HTML tags dropped, as questions here are plain text. */
    static String text(Element e) {
        if (e == null) return "";
        Element t = child(e, "text");
        String v = (t == null ? directText(e) : t.getTextContent()).trim();
        // HTML when it says so, or (no format given) when it looks like it; plain text stays as sent, markup-like or not
        String format = e.getAttribute("format");
        if ("html".equals(format) || format.isEmpty() && v.contains("</")) {
            v = TAG.matcher(v.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).replaceAll("")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").trim();
        }
        return v;
    }

    private static String directText(Element e) {
        StringBuilder b = new StringBuilder();
        NodeList ns = e.getChildNodes();
        for (int i = 0; i < ns.getLength(); i++) {
            Node n = ns.item(i);
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) b.append(n.getNodeValue());
        }
        return b.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String textEl(String tag, String v) {
        return "<" + tag + " format=\"plain_text\"><text>" + esc(v) + "</text></" + tag + ">";
    }

    static String pct(double f) {
        double p = Math.round(f * 10000000) / 100000.0;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** A whole file: a category entry before each change of category, then the questions. */
    public static String write(List<Exported> qs) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        String cat = null;
        for (Exported q : qs) {
            if (!q.category().equals(cat)) {
                cat = q.category();
                b.append("  <question type=\"category\"><category><text>$course$/top/").append(esc(cat.replace("/", "//"))).append("</text></category></question>\n");
            }
            b.append("  <question type=\"").append(q.type()).append("\">\n    <name><text>").append(esc(q.name())).append("</text></name>\n    ")
                    .append(textEl("questiontext", q.text())).append("\n    ").append(textEl("generalfeedback", q.generalFeedback())).append('\n');
            switch (q.type()) {
                case "multichoice" -> b.append("    <single>").append("true".equals(q.options().get("single"))).append("</single>\n    <shuffleanswers>")
                        .append("false".equals(q.options().get("shuffle")) ? 0 : 1).append("</shuffleanswers>\n");
                case "shortanswer" -> b.append("    <usecase>").append("true".equals(q.options().get("case")) ? 1 : 0).append("</usecase>\n");
                case "matching" -> b.append("    <shuffleanswers>").append("false".equals(q.options().get("shuffle")) ? 0 : 1).append("</shuffleanswers>\n");
                default -> {
                }
            }
            for (Answer a : q.answers()) {
                if ("matching".equals(q.type())) {
                    b.append("    <subquestion format=\"plain_text\"><text>").append(esc(a.text())).append("</text><answer><text>").append(esc(a.match()))
                            .append("</text></answer></subquestion>\n");
                    continue;
                }
                b.append("    <answer fraction=\"").append(pct(a.fraction())).append("\" format=\"plain_text\"><text>").append(esc(a.text())).append("</text>")
                        .append("<feedback format=\"plain_text\"><text>").append(esc(a.feedback())).append("</text></feedback>");
                if ("numerical".equals(q.type())) b.append("<tolerance>").append(a.tolerance()).append("</tolerance>");
                b.append("</answer>\n");
            }
            b.append("  </question>\n");
        }
        return b.append("</quiz>\n").toString();
    }
}
