-- Plugin settings chosen by administrators (described by each plugin's Metatype). The database, not Config Admin's
-- files, holds them, so every node of a cluster reads the same values at start. No row: the plugin's default.
CREATE TABLE kernel_plugin_setting (
    component     VARCHAR(64)   NOT NULL,
    pid           VARCHAR(200)  NOT NULL,
    attribute     VARCHAR(200)  NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (component, pid, attribute)
);
