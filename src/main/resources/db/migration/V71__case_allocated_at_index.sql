-- The allocation board counts each caseworker's cases allocated in the last seven days. The existing
-- (allocated_to_id, allocated_at) index cannot find recent allocations without reading all of it (1M cases: 38 ms
-- a view); an index on the allocation time alone finds them directly (0.1 ms). See BENCHMARKS.md.
create index case_allocated_at_recent_idx on casework_case (allocated_at);
