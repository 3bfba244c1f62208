package io.esop.sla.policy.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.sla.policy.PolicyVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PolicyRepository implements PanacheRepository<PolicyVersion> {

    /** The newest version of a policy (retired or not), or null. */
    public Uni<PolicyVersion> latest(String policyId) {
        return find("policyId = ?1 order by version desc", policyId).firstResult();
    }

    public Uni<PolicyVersion> version(String policyId, int version) {
        return find("policyId = ?1 and version = ?2", policyId, version).firstResult();
    }

    public Uni<List<PolicyVersion>> versions(String policyId) {
        return find("policyId", Sort.by("version"), policyId).list();
    }

    /** The current (newest, not retired) version of every policy after {@code afterId}, by policy id. */
    public Uni<List<PolicyVersion>> currentPage(String afterId, String clockType, String valueTier, String productLine,
            int limit) {
        StringBuilder q = new StringBuilder("from PolicyVersion p where p.retired = false and p.version = "
                + "(select max(v.version) from PolicyVersion v where v.policyId = p.policyId)");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (afterId != null) {
            q.append(" and p.policyId > :after");
            params.put("after", afterId);
        }
        if (clockType != null) {
            q.append(" and p.clockType = :clockType");
            params.put("clockType", clockType);
        }
        if (valueTier != null) {
            q.append(" and p.valueTier = :valueTier");
            params.put("valueTier", valueTier);
        }
        if (productLine != null) {
            q.append(" and p.productLine = :productLine");
            params.put("productLine", productLine);
        }
        q.append(" order by p.policyId");
        return find(q.toString(), params).page(0, limit).list();
    }

    public Uni<List<PolicyVersion>> unpublished() {
        return find("published = false", Sort.by("policyId").and("version")).list();
    }
}
