-- What scoring needs of an opportunity's evidence, kept on the opportunity so that a merge does not read all of
-- its signals back: the best source (the highest source factor, the first of equals) and the product of
-- (1 - strength) over its signals (1 minus it is the combined strength). With signal_count, last_signal_at (the
-- latest observation) and estimated_monthly_value (the highest), it is everything OpportunityScorer folds.
alter table opportunity add column best_source text, add column no_strength double precision;

update opportunity o
set best_source = e.best_source, no_strength = e.no_strength
from (select opportunity_id,
             (array_agg(source order by case source
                                            when 'PORTAL_INQUIRY' then 1.0
                                            when 'FIELD_VISIT' then 0.9
                                            when 'PARTNER_REFERRAL' then 0.8
                                            when 'CONTRACT_EXPIRY' then 0.7
                                            when 'BASS_CHURN_RISK' then 0.7
                                            when 'BASS_USAGE_SURGE' then 0.6
                                            else 0.5 end desc, received_at, signal_id))[1] as best_source,
             case when bool_or(strength >= 1) then 0
                  else exp(sum(ln(1 - greatest(0, strength)))) end as no_strength
      from signal
      where opportunity_id is not null
      group by opportunity_id) e
where o.id = e.opportunity_id;

-- an opportunity whose signals are not recorded (none is expected): its own source, no strength yet
update opportunity set best_source = source, no_strength = 1 where best_source is null;

alter table opportunity alter column best_source set not null, alter column no_strength set not null;
