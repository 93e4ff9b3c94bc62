namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of scripts: script <c>i</c> takes the database from
/// <c>PRAGMA user_version</c> i to i + 1. Append new scripts; never edit one that has shipped.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            api_key_hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL);

        CREATE TABLE functions (
            account_id TEXT NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            settings TEXT NOT NULL,
            code_sha256 TEXT,
            code_size INTEGER,
            last_modified TEXT NOT NULL,
            last_version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account_id, name));

        CREATE TABLE function_versions (
            account_id TEXT NOT NULL,
            function_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            settings TEXT NOT NULL,
            code_sha256 TEXT NOT NULL,
            code_size INTEGER NOT NULL,
            description TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (account_id, function_name, version),
            FOREIGN KEY (account_id, function_name) REFERENCES functions(account_id, name) ON DELETE CASCADE);

        CREATE TABLE aliases (
            account_id TEXT NOT NULL,
            function_name TEXT NOT NULL,
            name TEXT NOT NULL,
            function_version INTEGER NOT NULL,
            additional_version INTEGER,
            additional_weight REAL,
            description TEXT NOT NULL,
            PRIMARY KEY (account_id, function_name, name),
            FOREIGN KEY (account_id, function_name) REFERENCES functions(account_id, name) ON DELETE CASCADE);

        CREATE TABLE layers (
            account_id TEXT NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            last_version INTEGER NOT NULL,
            PRIMARY KEY (account_id, name));

        CREATE TABLE layer_versions (
            account_id TEXT NOT NULL,
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            code_sha256 TEXT NOT NULL,
            code_size INTEGER NOT NULL,
            description TEXT NOT NULL,
            visibility TEXT NOT NULL,
            accounts TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (account_id, name, version),
            FOREIGN KEY (account_id, name) REFERENCES layers(account_id, name));

        CREATE TABLE key_value_stores (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            comment TEXT NOT NULL,
            version INTEGER NOT NULL,
            last_modified TEXT NOT NULL,
            UNIQUE (account_id, name));

        CREATE TABLE key_value_items (
            store_id TEXT NOT NULL REFERENCES key_value_stores(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (store_id, key));

        CREATE TABLE distributions (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id),
            document TEXT NOT NULL,
            last_modified TEXT NOT NULL);
        CREATE INDEX distributions_account ON distributions(account_id);

        CREATE TABLE distribution_hosts (
            host TEXT PRIMARY KEY,
            distribution_id TEXT NOT NULL REFERENCES distributions(id) ON DELETE CASCADE);

        CREATE TABLE revision (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL);
        INSERT INTO revision (id, value) VALUES (1, 0);

        CREATE TABLE nodes (
            node_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            last_seen TEXT NOT NULL);
        """,
    ];
}
