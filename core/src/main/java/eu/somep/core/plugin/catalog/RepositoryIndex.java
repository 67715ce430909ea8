package eu.somep.core.plugin.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an OSGi repository index (the XML format of the OSGi Repository specification, chapter 132, as bnd's
 * indexer writes it) into resources. Attribute types are kept (Version, Long, Double, lists), because the
 * resolver's filters compare them typed.
 */
final class RepositoryIndex {
    private RepositoryIndex() {
    }

    static List<IndexResource> read(Path index) throws IOException {
        try (InputStream raw = Files.newInputStream(index);
             InputStream in = index.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // an index is data from a folder an administrator controls, but never let it pull in other files
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(in);
            List<IndexResource> out = new ArrayList<>();
            for (Element r : children(doc.getDocumentElement(), "resource")) out.add(resource(r));
            return out;
        } catch (ParserConfigurationException | SAXException | IllegalArgumentException e) {
            throw new IOException("The catalog index " + index + " is not a valid repository index: " + e.getMessage(), e);
        }
    }

    private static IndexResource resource(Element e) {
        IndexResource r = new IndexResource();
        for (Element c : children(e, null)) {
            Map<String, String> directives = new LinkedHashMap<>();
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Element d : children(c, "directive")) directives.put(d.getAttribute("name"), d.getAttribute("value"));
            for (Element a : children(c, "attribute")) attributes.put(a.getAttribute("name"), typed(a.getAttribute("type"), a.getAttribute("value")));
            String ns = c.getAttribute("namespace");
            if (c.getLocalName().equals("capability")) r.addCapability(ns, directives, attributes);
            else if (c.getLocalName().equals("requirement")) r.addRequirement(ns, directives, attributes);
        }
        return r;
    }

    static Object typed(String type, String value) {
        if (type == null || type.isEmpty() || type.equals("String")) return value;
        if (type.startsWith("List<") && type.endsWith(">")) {
            String element = type.substring(5, type.length() - 1);
            List<Object> list = new ArrayList<>();
            for (String v : splitList(value)) list.add(typed(element, v.trim()));
            return list;
        }
        return switch (type) {
            case "Version" -> Version.parseVersion(value.trim());
            case "Long" -> Long.valueOf(value.trim());
            case "Double" -> Double.valueOf(value.trim());
            default -> value;
        };
    }

    /** A list value is comma-separated; a backslash escapes a comma inside an element. */
    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) cur.append(value.charAt(++i));
            else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && (localName == null || localName.equals(el.getLocalName()))) out.add(el);
        }
        return out;
    }
}
