package eu.somep.core.db;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity standing in for a plugin's, for {@link PluginDatabaseTest}. */
@Entity
@Table(name = "db_sample")
public class DbSample {
    @Id
    public Long id;
    public String name;
}
