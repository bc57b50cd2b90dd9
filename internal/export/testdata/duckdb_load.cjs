// Loads export files into DuckDB the way an analyst would and prints, for
// each, its column types, NULL counts and empty-string counts as JSON.
// Usage: node duckdb_load.cjs SPEC.json  (SPEC: [{name, sql}], sql a
// SELECT over the file). Run by TestDuckDBLoadsEveryExport.
const fs = require('fs');
const { DuckDBInstance } = require('@duckdb/node-api');

(async () => {
  const specs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const out = {};
  for (const s of specs) {
    const r = await con.runAndReadAll(`SELECT * FROM (${s.sql}) LIMIT 0`);
    const names = r.columnNames();
    const types = r.columnTypes().map((t) => t.toString());
    const cols = {};
    for (let i = 0; i < names.length; i++) {
      const q = `"${names[i].replace(/"/g, '""')}"`;
      const text = types[i] === 'VARCHAR';
      const agg = await con.runAndReadAll(
        `SELECT count(*) - count(${q}) AS nulls, ` +
          (text ? `count(*) FILTER (WHERE ${q}::VARCHAR = '') AS empty, max(length(${q}::VARCHAR)) AS maxlen` : `0 AS empty, 0 AS maxlen`) +
          ` FROM (${s.sql})`);
      const row = agg.getRowObjectsJson()[0];
      cols[names[i]] = { type: types[i], nulls: Number(row.nulls), empty: Number(row.empty), maxlen: Number(row.maxlen || 0) };
    }
    const n = await con.runAndReadAll(`SELECT count(*) AS n FROM (${s.sql})`);
    out[s.name] = { rows: Number(n.getRowObjectsJson()[0].n), columns: cols, order: names };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
