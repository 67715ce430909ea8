package eu.somep.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.felix.metatype.AD;
import org.apache.felix.metatype.Designate;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.apache.felix.metatype.OCD;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * A plugin's settings, read from the Metatype documents bnd generates from its {@code @ObjectClassDefinition}s
 * ({@code OSGI-INF/metatype/*.xml}). Read from the bundle while SOMEP runs, or from the jar when it is stopped
 * (the CLI), so both validate against the same description. Factory configurations and multi-valued attributes
 * are not part of the form.
 */
public final class SettingsDescription {
    private static final String FOLDER = "OSGI-INF/metatype/";
    private final List<SettingField> fields;

    private SettingsDescription(List<SettingField> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<SettingField> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public SettingField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    public static SettingsDescription of(Bundle bundle) throws IOException {
        List<MetaData> docs = new ArrayList<>();
        var urls = bundle.findEntries(FOLDER, "*.xml", false);
        List<URL> sorted = urls == null ? List.of() : Collections.list(urls);
        sorted = new ArrayList<>(sorted);
        sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        for (URL u : sorted) {
            try (InputStream in = u.openStream()) {
                docs.add(new MetaDataReader().parse(in));
            }
        }
        return from(docs);
    }

    public static SettingsDescription of(Path jar) throws IOException {
        List<MetaData> docs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(e -> e.getName().startsWith(FOLDER) && e.getName().endsWith(".xml"))
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
            for (ZipEntry e : entries) {
                try (InputStream in = zip.getInputStream(e)) {
                    docs.add(new MetaDataReader().parse(in));
                }
            }
        }
        return from(docs);
    }

    static SettingsDescription from(List<MetaData> docs) {
        List<SettingField> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Object[]> raw = new ArrayList<>(); // {pid, AD}
        for (MetaData md : docs) {
            if (md == null || md.getDesignates() == null) continue;
            Map<?, ?> ocds = md.getObjectClassDefinitions() == null ? Map.of() : md.getObjectClassDefinitions();
            for (Object o : md.getDesignates()) {
                Designate d = (Designate) o;
                if (d.getPid() == null || d.getFactoryPid() != null || d.getObject() == null) continue;
                OCD ocd = (OCD) ocds.get(d.getObject().getOcdRef());
                if (ocd == null || ocd.getAttributeDefinitions() == null) continue;
                for (Object a : new LinkedHashMap<>(ocd.getAttributeDefinitions()).values()) {
                    AD ad = (AD) a;
                    if (ad.getCardinality() != 0) continue; // lists have no form field yet: the plugin's default applies
                    raw.add(new Object[] {d.getPid(), ad});
                    seen.merge(ad.getID(), 1, Integer::sum);
                }
            }
        }
        for (Object[] r : raw) {
            String pid = (String) r[0];
            AD ad = (AD) r[1];
            String key = seen.get(ad.getID()) > 1 ? pid + "/" + ad.getID() : ad.getID();
            out.add(field(key, pid, ad));
        }
        return new SettingsDescription(out);
    }

    private static SettingField field(String key, String pid, AD ad) {
        List<SettingField.Option> options = new ArrayList<>();
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        if (values != null) {
            for (int i = 0; i < values.length; i++) options.add(new SettingField.Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
        }
        String[] def = ad.getDefaultValue();
        String defaultValue = def == null ? "" : String.join(",", def);
        return new SettingField(key, pid, ad.getID(), ad.getName() == null ? ad.getID() : ad.getName(), ad.getDescription() == null ? "" : ad.getDescription(),
                type(ad.getType()), ad.getMin(), ad.getMax(), List.copyOf(options), defaultValue);
    }

    private static String type(int metatype) {
        return switch (metatype) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> SettingField.INTEGER;
            case AttributeDefinition.LONG -> SettingField.LONG;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> SettingField.DECIMAL;
            case AttributeDefinition.BOOLEAN -> SettingField.BOOLEAN;
            case AttributeDefinition.PASSWORD -> SettingField.PASSWORD;
            default -> SettingField.STRING;
        };
    }
}
