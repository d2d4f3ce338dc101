-- tests/apps/postgres-work/query.sql — the second single-user session of
-- tests/apps/postgres.sh, on what load.sql left

SELECT count(*), sum(qty), min(at), max(at) FROM sale;

SELECT tags[1] AS tag, count(*), round(avg(price), 4) FROM item GROUP BY 1 ORDER BY 1;

SELECT name, price FROM item WHERE price BETWEEN 100 AND 100.5 ORDER BY price, name LIMIT 5;

SELECT i.name, sum(s.qty) AS q FROM sale s JOIN item i ON i.id = s.item_id GROUP BY i.name ORDER BY q DESC, i.name LIMIT 5;

SELECT sha256('abc'::bytea), to_char(12345.678, '99G999D99'), upper('straße'), 'x' || repeat('ab', 3);

WITH RECURSIVE f(n, a, b) AS (SELECT 0, 0::numeric, 1::numeric UNION ALL SELECT n + 1, b, a + b FROM f WHERE n < 200)
  SELECT a FROM f WHERE n = 200;

SELECT jsonb_pretty(jsonb_build_object('items', (SELECT jsonb_agg(name ORDER BY id) FROM item WHERE id <= 3), 'n', 1.5));

SELECT extract(dow FROM made) AS dow, count(*) FROM item GROUP BY 1 ORDER BY 1;

SELECT regexp_replace('2024-05-06', '(\d+)-(\d+)-(\d+)', '\3/\2/\1'), 10::float8 / 3, 2 ^ 62, 7 % 3;

DELETE FROM sale WHERE qty = 9;

UPDATE item SET price = price * 2 WHERE id % 100 = 0;

VACUUM FULL sale;

SELECT count(*), sum(qty) FROM sale;

SELECT sum(price) FROM item;

