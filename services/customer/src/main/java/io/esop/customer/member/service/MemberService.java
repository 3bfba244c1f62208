package io.esop.customer.member.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.web.Cursor;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.customer.customer.rest.CustomerViews.MemberView;
import io.esop.customer.customer.rest.CustomerViews.MembersSummary;
import io.esop.customer.member.GroupMember;
import io.esop.customer.member.MemberResult;
import io.esop.customer.member.MobileNumber;
import io.esop.customer.member.repository.GroupMemberRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Group members (集团成员) of a customer. Access (who may read or write which customer's members) is
 * decided by the caller before; this service only keeps the list. Members are not part of the customer
 * snapshot, so changing them publishes nothing.
 */
@ApplicationScoped
public class MemberService {

    public static final int BULK_LIMIT = 1_000;

    private final GroupMemberRepository members;

    public MemberService(GroupMemberRepository members) {
        this.members = members;
    }

    /** The outcome for one submitted number. {@code msisdn} is the normalized number, null when invalid. */
    public record NumberResult(String input, String msisdn, MemberResult result, String reason) {
    }

    public record BulkResult(int added, int alreadyMember, int invalid, List<NumberResult> results) {
    }

    @WithSession
    public Uni<Page<MemberView>> list(String customerId, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        var query = after == null
                ? members.find("customerId = ?1 order by msisdn", customerId)
                : members.find("customerId = ?1 and msisdn > ?2 order by msisdn", customerId, after);
        return query.range(0, limit).list().map(found -> {
            boolean more = found.size() > limit;
            List<GroupMember> page = more ? found.subList(0, limit) : found;
            String next = more ? Cursor.encode(page.get(page.size() - 1).msisdn) : null;
            return new Page<>(page.stream().map(m -> new MemberView(m.msisdn, m.addedAt)).toList(), next);
        });
    }

    @WithSession
    public Uni<MembersSummary> summary(String customerId, int firstPage) {
        return members.count("customerId", customerId)
                .chain(count -> list(customerId, firstPage, null)
                        .map(page -> new MembersSummary(count, page.items(), page.nextCursor())));
    }

    /** Adds the numbers, in order; a number twice in one call is ALREADY_MEMBER the second time. */
    @WithTransaction
    public Uni<BulkResult> add(String customerId, List<String> numbers) {
        List<NumberResult> results = new ArrayList<>(numbers.size());
        List<String> valid = new ArrayList<>();
        for (String input : numbers) {
            MobileNumber number = MobileNumber.parseOrNull(input);
            if (number == null) {
                results.add(new NumberResult(input, null, MemberResult.INVALID, MobileNumber.RULE));
            } else {
                results.add(new NumberResult(input, number.value(), null, null));
                valid.add(number.value());
            }
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(summarize(results));
        }
        return members.find("customerId = ?1 and msisdn in ?2", customerId, valid).list()
                .chain(existing -> {
                    Set<String> present = new HashSet<>();
                    existing.forEach(m -> present.add(m.msisdn));
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    List<GroupMember> added = new ArrayList<>();
                    List<NumberResult> decided = new ArrayList<>(results.size());
                    for (NumberResult r : results) {
                        if (r.result() != null) {
                            decided.add(r);
                        } else if (present.add(r.msisdn())) {
                            GroupMember member = new GroupMember();
                            member.customerId = customerId;
                            member.msisdn = r.msisdn();
                            member.addedAt = now;
                            added.add(member);
                            decided.add(new NumberResult(r.input(), r.msisdn(), MemberResult.ADDED, null));
                        } else {
                            decided.add(new NumberResult(r.input(), r.msisdn(), MemberResult.ALREADY_MEMBER, null));
                        }
                    }
                    return (added.isEmpty() ? Uni.createFrom().voidItem() : members.persist(added))
                            .replaceWith(summarize(decided));
                });
    }

    @WithTransaction
    public Uni<Void> remove(String customerId, String input) {
        MobileNumber number = MobileNumber.parseOrNull(input);
        if (number == null) {
            return Uni.createFrom().failure(new NotFound("group member", input));
        }
        return members.delete("customerId = ?1 and msisdn = ?2", customerId, number.value())
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFound("group member", number.value());
                    }
                })
                .replaceWithVoid();
    }

    /** Part of deleting the customer; runs in the caller's transaction. */
    public Uni<Long> deleteAll(String customerId) {
        return members.delete("customerId", customerId);
    }

    private static BulkResult summarize(List<NumberResult> results) {
        int added = 0;
        int already = 0;
        int invalid = 0;
        for (NumberResult r : results) {
            switch (r.result()) {
                case ADDED -> added++;
                case ALREADY_MEMBER -> already++;
                case INVALID -> invalid++;
            }
        }
        return new BulkResult(added, already, invalid, results);
    }
}
