-- Each manager's open load and closed record per product line, which assignment reads for every batch of signals
-- that may go to the pool. Counting them from the opportunities scanned the whole table each time (it grows without
-- end); instead every statement that changes opportunities appends what it changed here, summed per (owner, product
-- line) by one row per statement (no row is updated, so concurrent batches never wait on each other here), readers
-- sum the rows, and the service folds them together now and then (OpportunityAssigner.compactLoads).
create table manager_load (
    owner_id     text   not null,
    product_line text   not null,
    open_count   bigint not null, -- not WON or LOST
    won_count    bigint not null,
    closed_count bigint not null  -- WON or LOST
);

-- what one opportunity in a stage adds to its owner's load and record
create function manager_load_of(stage text, out open_count int, out won_count int, out closed_count int)
    language sql immutable as
$$ select (stage not in ('WON', 'LOST'))::int, (stage = 'WON')::int, (stage in ('WON', 'LOST'))::int $$;

insert into manager_load
select owner_id, product_line, sum(l.open_count), sum(l.won_count), sum(l.closed_count)
from opportunity, manager_load_of(stage) l where owner_id is not null group by owner_id, product_line;

-- what a statement changed: its new rows counted in, its old rows counted out
create function manager_load_changed() returns trigger
    language plpgsql as
$$
begin
    -- (a trigger sees only the transition tables its event has: new rows on insert, old on delete, both on update)
    if tg_op = 'INSERT' then
        insert into manager_load select owner_id, product_line, sum(l.open_count), sum(l.won_count), sum(l.closed_count)
        from new_rows, manager_load_of(stage) l where owner_id is not null group by owner_id, product_line;
    elsif tg_op = 'DELETE' then
        insert into manager_load select owner_id, product_line, -sum(l.open_count), -sum(l.won_count), -sum(l.closed_count)
        from old_rows, manager_load_of(stage) l where owner_id is not null group by owner_id, product_line;
    elsif tg_op = 'UPDATE' then -- a merge changes no stage nor owner: nothing appended
        insert into manager_load select owner_id, product_line, sum(open_count), sum(won_count), sum(closed_count)
        from (select owner_id, product_line, l.* from new_rows, manager_load_of(stage) l where owner_id is not null
              union all
              select owner_id, product_line, -l.open_count, -l.won_count, -l.closed_count
              from old_rows, manager_load_of(stage) l where owner_id is not null) changed
        group by owner_id, product_line
        having sum(open_count) <> 0 or sum(won_count) <> 0 or sum(closed_count) <> 0;
    else -- TRUNCATE
        delete from manager_load;
    end if;
    return null;
end;
$$;

create trigger manager_load_inserted after insert on opportunity
    referencing new table as new_rows for each statement execute function manager_load_changed();
create trigger manager_load_updated after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement execute function manager_load_changed();
create trigger manager_load_deleted after delete on opportunity
    referencing old table as old_rows for each statement execute function manager_load_changed();
create trigger manager_load_truncated after truncate on opportunity
    for each statement execute function manager_load_changed();
