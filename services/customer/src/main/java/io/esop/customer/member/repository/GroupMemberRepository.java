package io.esop.customer.member.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.customer.member.GroupMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GroupMemberRepository implements PanacheRepositoryBase<GroupMember, GroupMember.Key> {
}
