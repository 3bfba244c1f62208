package io.esop.customer.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Topics;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.web.Conflict;
import io.esop.web.Cursor;
import io.esop.customer.common.DataScope;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.customer.customer.Contact;
import io.esop.customer.customer.Customer;
import io.esop.customer.customer.Holding;
import io.esop.customer.customer.UnifiedSocialCreditCode;
import io.esop.customer.customer.mapping.CustomerMapper;
import io.esop.customer.customer.repository.ContactRepository;
import io.esop.customer.customer.repository.CustomerRepository;
import io.esop.customer.customer.repository.HoldingRepository;
import io.esop.customer.customer.rest.CustomerRequest;
import io.esop.customer.customer.rest.CustomerViews.Credit;
import io.esop.customer.customer.rest.CustomerViews.CustomerProfile;
import io.esop.customer.customer.rest.CustomerViews.CustomerView;
import io.esop.customer.customer.rest.CustomerViews.HoldingView;
import io.esop.customer.member.service.MemberService;
import io.esop.eventing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Enterprise customers: every change writes the customer and its full snapshot (outbox) in one
 * transaction; a deletion writes a tombstone. Reads are always restricted to the caller's {@link DataScope}.
 */
@ApplicationScoped
public class CustomerService {

    public static final int MEMBERS_FIRST_PAGE = 20;
    private static final String CREDIT_CODE_CONSTRAINT = "customer_credit_code_unique";

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final HoldingRepository holdings;
    private final MemberService members;
    private final Outbox outbox;

    public CustomerService(CustomerRepository customers, ContactRepository contacts, HoldingRepository holdings,
            MemberService members, Outbox outbox) {
        this.customers = customers;
        this.contacts = contacts;
        this.holdings = holdings;
        this.members = members;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequest request) {
        String id = request.id() != null ? request.id() : newId();
        String creditCode = UnifiedSocialCreditCode.parse(request.creditCode()).value();
        return customers.findById(id)
                .invoke(existing -> {
                    if (existing != null) {
                        throw new Conflict("id", "a customer with id " + id + " already exists");
                    }
                })
                .chain(() -> requireUniqueCreditCode(creditCode, null))
                .chain(() -> {
                    Instant now = now();
                    Customer customer = new Customer();
                    customer.id = id;
                    customer.createdAt = now;
                    customer.version = 0;
                    apply(customer, request, creditCode, now);
                    return customers.persist(customer);
                })
                .call(customer -> replaceChildren(customer.id, request))
                .call(this::publish)
                .chain(customer -> view(customer));
    }

    @WithTransaction
    public Uni<CustomerView> update(String id, CustomerRequest request) {
        String creditCode = UnifiedSocialCreditCode.parse(request.creditCode()).value();
        return customers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("customer", id))
                .call(customer -> customer.creditCode.equals(creditCode)
                        ? Uni.createFrom().voidItem()
                        : requireUniqueCreditCode(creditCode, id))
                .invoke(customer -> apply(customer, request, creditCode, now()))
                .call(customer -> replaceChildren(customer.id, request))
                .call(this::publish)
                .chain(customer -> view(customer));
    }

    /** Deletes the customer with its contacts, members and holdings, and tombstones its key. */
    @WithTransaction
    public Uni<Void> delete(String id) {
        return customers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("customer", id))
                .call(customer -> contacts.delete("customerId", id))
                .call(customer -> holdings.delete("customerId", id))
                .call(customer -> members.deleteAll(id))
                .call(customer -> customers.delete(customer))
                .call(customers::flush)
                .call(customer -> outbox.tombstone(Topics.CUSTOMERS, id, EventTypes.CUSTOMER_SNAPSHOT.name()))
                .invoke(customer -> Log.infof("Deleted customer %s", id))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Page<CustomerProfile>> list(DataScope scope, CustomerFilter filter, int limit, String cursor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder hql = new StringBuilder("from Customer c where ").append(scope.condition(params));
        if (filter.region() != null) {
            hql.append(" and c.region = :region");
            params.put("region", filter.region());
        }
        if (filter.industry() != null) {
            hql.append(" and c.industry = :industry");
            params.put("industry", filter.industry());
        }
        if (filter.tier() != null) {
            hql.append(" and c.valueTier = :tier");
            params.put("tier", filter.tier());
        }
        if (filter.manager() != null) {
            hql.append(" and c.accountManagerId = :manager");
            params.put("manager", filter.manager());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            hql.append(" and lower(c.name) like :q escape '!'");
            params.put("q", "%" + likeEscape(filter.q().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            hql.append(" and c.id > :after");
            params.put("after", after);
        }
        hql.append(" order by c.id");
        return customers.find(hql.toString(), params).range(0, limit).list()
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<Customer> page = more ? found.subList(0, limit) : found;
                    String next = more ? Cursor.encode(page.get(page.size() - 1).id) : null;
                    return new Page<>(page.stream().map(CustomerMapper::profile).toList(), next);
                });
    }

    @WithSession
    public Uni<CustomerView> view(DataScope scope, String id) {
        return findReadable(scope, id).chain(this::view);
    }

    /** The customer if the caller may read it; otherwise fails with 404, whether it exists or not. */
    @WithSession
    public Uni<Customer> findReadable(DataScope scope, String id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        String hql = "from Customer c where c.id = :id and " + scope.condition(params);
        return customers.find(hql, params).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("customer", id));
    }

    private Uni<CustomerView> view(Customer customer) {
        String id = customer.id;
        return contacts.find("customerId = ?1 order by position, name", id).list()
                .chain(contactList -> holdings.find("customerId = ?1 order by productLine, since", id).list()
                        .chain(holdingList -> members.summary(id, MEMBERS_FIRST_PAGE)
                                .map(memberSummary -> {
                                    List<HoldingView> holdingViews = holdingList.stream()
                                            .map(CustomerMapper::holding).toList();
                                    BigDecimal revenue = holdingViews.stream().map(HoldingView::monthlyRevenue)
                                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                                    return new CustomerView(
                                            CustomerMapper.profile(customer),
                                            contactList.stream().map(CustomerMapper::contact).toList(),
                                            memberSummary,
                                            holdingViews,
                                            revenue,
                                            new Credit(customer.creditLimit, customer.arrears,
                                                    customer.creditLimit.subtract(customer.arrears)),
                                            links(id));
                                })));
    }

    private static Map<String, String> links(String id) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/customers/" + id);
        links.put("members", "/api/customers/" + id + "/members");
        links.put("opportunities", "/api/opportunities?customerId=" + id);
        links.put("orders", "/api/orders?customerId=" + id);
        links.put("slaAlerts", "/api/sla/alerts?customerId=" + id);
        return links;
    }

    private Uni<Void> requireUniqueCreditCode(String creditCode, String exceptId) {
        Uni<Long> count = exceptId == null
                ? customers.count("creditCode", creditCode)
                : customers.count("creditCode = ?1 and id <> ?2", creditCode, exceptId);
        return count.invoke(n -> {
            if (n > 0) {
                throw duplicateCreditCode(creditCode);
            }
        }).replaceWithVoid();
    }

    private static Conflict duplicateCreditCode(String creditCode) {
        return new Conflict("creditCode", "a customer with credit code " + creditCode + " already exists");
    }

    private static void apply(Customer customer, CustomerRequest request, String creditCode, Instant now) {
        customer.name = request.name().trim();
        customer.creditCode = creditCode;
        customer.industry = request.industry();
        customer.region = request.region();
        customer.valueTier = request.valueTier();
        customer.status = request.status() != null ? request.status()
                : customer.status != null ? customer.status : CustomerStatus.ACTIVE;
        customer.accountManagerId = blankToNull(request.accountManagerId());
        customer.teamId = blankToNull(request.teamId());
        customer.creditLimit = money(request.creditLimit());
        customer.arrears = money(request.arrears());
        customer.updatedAt = now;
        customer.version = customer.version + 1;
    }

    private Uni<Void> replaceChildren(String customerId, CustomerRequest request) {
        Uni<Void> result = Uni.createFrom().voidItem();
        if (request.contacts() != null) {
            List<Contact> list = new ArrayList<>();
            int position = 0;
            for (CustomerRequest.ContactInput input : request.contacts()) {
                Contact contact = new Contact();
                contact.id = UUID.randomUUID();
                contact.customerId = customerId;
                contact.name = input.name().trim();
                contact.role = input.role();
                contact.phone = input.phone();
                contact.email = input.email();
                contact.birthday = input.birthday();
                contact.position = position++;
                list.add(contact);
            }
            result = result.chain(() -> contacts.delete("customerId", customerId))
                    .chain(() -> list.isEmpty() ? Uni.createFrom().voidItem() : contacts.persist(list));
        }
        if (request.holdings() != null) {
            List<Holding> list = new ArrayList<>();
            for (CustomerRequest.HoldingInput input : request.holdings()) {
                Holding holding = new Holding();
                holding.id = UUID.randomUUID();
                holding.customerId = customerId;
                holding.productLine = input.productLine();
                holding.since = input.since();
                holding.monthlyRevenue = money(input.monthlyRevenue());
                list.add(holding);
            }
            result = result.chain(() -> holdings.delete("customerId", customerId))
                    .chain(() -> list.isEmpty() ? Uni.createFrom().voidItem() : holdings.persist(list));
        }
        return result;
    }

    /** Flushes (so that a unique violation surfaces here, as 409) and appends the snapshot to the outbox. */
    private Uni<Void> publish(Customer customer) {
        return customers.flush()
                .onFailure(e -> causedBy(e, CREDIT_CODE_CONSTRAINT))
                .transform(e -> duplicateCreditCode(customer.creditCode))
                .chain(() -> outbox.append(Topics.CUSTOMERS, customer.id, EventTypes.CUSTOMER_SNAPSHOT.name(),
                        customer.id, CustomerMapper.snapshot(customer)))
                .replaceWithVoid();
    }

    private static boolean causedBy(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static String newId() {
        return "cust-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds; so does the snapshot, so that both agree
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
