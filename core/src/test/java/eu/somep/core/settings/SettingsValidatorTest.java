package eu.somep.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.felix.metatype.MetaDataReader;
import org.junit.jupiter.api.Test;

/** A settings description of every supported type, read from Metatype XML as bnd writes it, and checked values. */
class SettingsValidatorTest {
    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.3.0">
              <OCD id="demo.Config" name="Demo" description="All types">
                <AD id="title" type="String" name="Title" description="Shown on top" min="2" max="20" default="Welcome"/>
                <AD id="pageSize" type="Integer" name="Page size" min="1" max="100" default="20"/>
                <AD id="quota" type="Long" name="Quota" min="0" default="1000"/>
                <AD id="ratio" type="Double" name="Ratio" max="1" default="0.5"/>
                <AD id="open" type="Boolean" name="Open" default="false"/>
                <AD id="colour" type="String" name="Colour" default="red">
                  <Option label="Red" value="red"/><Option label="Green" value="green"/>
                </AD>
                <AD id="apiKey" type="Password" name="API key" default=""/>
                <AD id="tags" type="String" name="Tags" cardinality="10"/>
              </OCD>
              <Designate pid="demo"><Object ocdref="demo.Config"/></Designate>
            </metatype:MetaData>
            """;

    static SettingsDescription demo() throws Exception {
        return SettingsDescription.from(List.of(new MetaDataReader().parse(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void the_description_has_each_type_with_its_bounds_options_and_default() throws Exception {
        SettingsDescription d = demo();
        assertEquals(List.of("title", "pageSize", "quota", "ratio", "open", "colour", "apiKey"), d.fields().stream().map(SettingField::key).toList(),
                "lists (cardinality) are left out");
        assertEquals(SettingField.INTEGER, d.field("pageSize").type());
        assertEquals("1", d.field("pageSize").min());
        assertEquals("100", d.field("pageSize").max());
        assertEquals(SettingField.LONG, d.field("quota").type());
        assertEquals(SettingField.DECIMAL, d.field("ratio").type());
        assertEquals(SettingField.BOOLEAN, d.field("open").type());
        assertEquals(SettingField.PASSWORD, d.field("apiKey").type());
        assertEquals(List.of(new SettingField.Option("red", "Red"), new SettingField.Option("green", "Green")), d.field("colour").options());
        assertEquals("Welcome", d.field("title").defaultValue());
        assertEquals("demo", d.field("title").pid());
    }

    @Test
    void good_values_are_normalised() throws Exception {
        SettingsValidator.Result r = SettingsValidator.check(demo(), Map.of("pageSize", " 50 ", "open", "on", "colour", "green", "ratio", "0.25",
                "quota", "9000000000", "title", "Hi there", "apiKey", "s3cret"));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("50", r.values().get("pageSize"));
        assertEquals("true", r.values().get("open"));
        assertEquals("9000000000", r.values().get("quota"));
    }

    @Test
    void each_wrong_value_is_named_with_what_is_expected() throws Exception {
        SettingsValidator.Result r = SettingsValidator.check(demo(), new java.util.LinkedHashMap<>(Map.of("pageSize", "500", "quota", "-1",
                "ratio", "2", "open", "perhaps", "colour", "blue", "title", "x", "nothing", "1")));
        assertFalse(r.ok());
        assertEquals("kernel.settings.error.range", r.errors().get("pageSize").key());
        assertEquals(List.of("1", "100"), List.of(r.errors().get("pageSize").args()));
        assertEquals("kernel.settings.error.min", r.errors().get("quota").key());
        assertEquals("kernel.settings.error.max", r.errors().get("ratio").key());
        assertEquals("kernel.settings.error.boolean", r.errors().get("open").key());
        assertEquals("kernel.settings.error.option", r.errors().get("colour").key());
        assertEquals("kernel.settings.error.length", r.errors().get("title").key());
        assertEquals("kernel.settings.error.unknown", r.errors().get("nothing").key());
        assertEquals("kernel.settings.error.integer", SettingsValidator.check(demo(), Map.of("pageSize", "12abc")).errors().get("pageSize").key());
        assertEquals("kernel.settings.error.integer", SettingsValidator.check(demo(), Map.of("pageSize", "3000000000")).errors().get("pageSize").key(),
                "an int setting refuses what does not fit an int");
        assertNull(SettingsValidator.bool("maybe"));
    }
}
