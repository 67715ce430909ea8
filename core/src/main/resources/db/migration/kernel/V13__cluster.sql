-- Cluster mode (several nodes on one PostgreSQL). Harmless on a single node.

-- Each node says it is alive every few seconds; /health lists the peers seen lately.
CREATE TABLE kernel_node (
    node_id    VARCHAR(200) NOT NULL PRIMARY KEY,
    address    VARCHAR(400),
    started_at TIMESTAMP    NOT NULL,
    seen_at    TIMESTAMP    NOT NULL
);

-- The jar of every plugin installed through one node (upload, catalog, deploy folder), so that a node that lacks
-- it gets it from here. Shipped plugins come with every node's distribution and are not stored.
CREATE TABLE kernel_plugin_jar (
    component  VARCHAR(64)  NOT NULL,
    version    VARCHAR(100) NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    jar        BYTEA        NOT NULL,
    stored_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (component, version)
);

-- When each scheduled task last ran anywhere in the cluster: a node runs a task only when its conditional UPDATE
-- of this row succeeds, so a task runs once per interval in the cluster, not once per node.
CREATE TABLE kernel_task_run (
    task_key    VARCHAR(400) NOT NULL PRIMARY KEY,
    last_run_ms BIGINT       NOT NULL,
    node_id     VARCHAR(200)
);
