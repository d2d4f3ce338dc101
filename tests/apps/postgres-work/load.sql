-- tests/apps/postgres-work/load.sql — the first single-user session of
-- tests/apps/postgres.sh (postgres --single -j: a command ends with ";" and
-- an empty line)

CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL UNIQUE, price numeric(12,2), tags text[], made date);

INSERT INTO item (name, price, tags, made)
  SELECT 'item ' || g, (g * 7 % 1000) / 4.0, ARRAY['t' || (g % 5), 'u' || (g % 3)], date '2024-01-01' + (g % 366)
  FROM generate_series(1, 5000) g;

CREATE INDEX item_price ON item (price);

CREATE TABLE sale (id bigserial PRIMARY KEY, item_id int REFERENCES item(id), qty int, at timestamptz);

INSERT INTO sale (item_id, qty, at)
  SELECT 1 + (g * 31 % 5000), 1 + g % 9, timestamptz '2024-03-01 00:00:00+00' + g * interval '17 minutes'
  FROM generate_series(1, 20000) g;

CREATE VIEW monthly AS
  SELECT date_trunc('month', at AT TIME ZONE 'UTC') AS month, count(*) AS sales, sum(qty * price) AS revenue
  FROM sale JOIN item ON item.id = sale.item_id GROUP BY 1;

ANALYZE;

SELECT count(*), sum(price), md5(string_agg(name || price, ',' ORDER BY id)) FROM item;

SELECT * FROM monthly ORDER BY month;

