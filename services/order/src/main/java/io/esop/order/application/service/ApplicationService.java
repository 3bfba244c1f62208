package io.esop.order.application.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.order.application.Application;
import io.esop.order.application.ApplicationItem;
import io.esop.order.application.ApplicationStatus;
import io.esop.order.application.Approval;
import io.esop.order.application.mapping.ApplicationMapper;
import io.esop.order.application.rest.ApplicationRequest;
import io.esop.order.application.rest.ApplicationView;
import io.esop.web.Conflict;
import io.esop.web.Cursor;
import io.esop.order.common.DataScope;
import io.esop.web.InvalidInput;
import io.esop.web.Forbidden;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.web.Problem.FieldError;
import io.esop.order.common.Roles;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.directory.CustomerRef;
import io.esop.order.directory.StaffRef;
import io.esop.order.template.AttributeDefinition;
import io.esop.order.template.AttributeValidator;
import io.esop.order.template.ProductTemplate;
import io.esop.order.template.service.TemplateService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Applications: created by a manager (or from a converted opportunity), edited while a draft, submitted. */
@ApplicationScoped
public class ApplicationService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final TemplateService templates;
    private final ApplicationMapper mapper;
    private final TraceNumbers numbers;
    private final ApprovalService approvals;

    public ApplicationService(TemplateService templates, ApplicationMapper mapper, TraceNumbers numbers,
            ApprovalService approvals) {
        this.templates = templates;
        this.mapper = mapper;
        this.numbers = numbers;
        this.approvals = approvals;
    }

    @WithTransaction
    public Uni<ApplicationView> create(ApplicationRequest request, DataScope scope) {
        if (request.customerId() == null || request.customerId().isBlank()) {
            throw new InvalidInput("customerId", "is required");
        }
        return CustomerRef.<CustomerRef>findById(request.customerId()).chain(customer -> {
            if (customer == null || !mayCreateFor(customer, scope)) {
                throw new InvalidInput("customerId", "unknown customer, or not one of yours: " + request.customerId());
            }
            return buildItems(request.items(), false).chain(items -> numbers.next().chain(trace -> {
                Instant now = Instant.now();
                Application a = new Application();
                a.applicationNo = TraceNumbers.APPLICATION + trace;
                a.customerId = customer.customerId;
                a.customerName = customer.name;
                a.ownerId = scope.username();
                a.accountManagerId = customer.accountManagerId;
                a.teamId = customer.teamId != null ? customer.teamId : scope.team();
                a.valueTier = ValueTier.valueOf(customer.valueTier);
                a.status = ApplicationStatus.DRAFT;
                a.ownerSharePercent = 100;
                a.requestedCompletionDate = request.requestedCompletionDate();
                a.createdBy = scope.username();
                a.createdAt = now;
                a.updatedAt = now;
                setItems(a, items);
                return a.<Application>persist();
            }));
        }).map(a -> mapper.view(a, List.of(), scope.readsAll()));
    }

    /** A customer manager creates applications for the customers they manage or their team's customers. */
    private static boolean mayCreateFor(CustomerRef customer, DataScope scope) {
        return scope.readsAll()
                || scope.username().equals(customer.accountManagerId)
                || scope.team() != null && scope.team().equals(customer.teamId);
    }

    @WithTransaction
    public Uni<ApplicationView> update(String applicationNo, ApplicationRequest request, DataScope scope) {
        return load(applicationNo, scope).chain(a -> {
            requireOwner(a, scope);
            if (!a.status.editable()) {
                throw new Conflict("application " + applicationNo + " is " + a.status + "; only a draft or a rejected "
                        + "application can be edited");
            }
            return buildItems(keepBackOfficeValues(mapper.items(a), request.items(), scope), false).map(items -> {
                setItems(a, items);
                if (request.requestedCompletionDate() != null) {
                    a.requestedCompletionDate = request.requestedCompletionDate();
                }
                if (a.status == ApplicationStatus.REJECTED) {
                    a.moveTo(ApplicationStatus.DRAFT);
                }
                a.updatedAt = Instant.now();
                return a;
            });
        }).chain(a -> view(a, scope));
    }

    /**
     * A manager does not see back office's attributes, so an edit by a manager keeps the values back office set on
     * the item at the same position (same product), unless the request names them.
     */
    private static List<ApplicationRequest.Item> keepBackOfficeValues(List<ApplicationItem> existing,
            List<ApplicationRequest.Item> requests, DataScope scope) {
        if (scope.readsAll()) {
            return requests;
        }
        List<ApplicationRequest.Item> merged = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ApplicationRequest.Item r = requests.get(i);
            ApplicationItem old = i < existing.size() ? existing.get(i) : null;
            if (old == null || !old.productCode().equals(r.productCode()) || old.backOfficeAttributes() == null) {
                merged.add(r);
                continue;
            }
            Map<String, Object> attributes = new HashMap<>();
            for (String name : old.backOfficeAttributes()) {
                if (old.attributes().containsKey(name)) {
                    attributes.put(name, old.attributes().get(name));
                }
            }
            if (r.attributes() != null) {
                attributes.putAll(r.attributes());
            }
            merged.add(new ApplicationRequest.Item(r.productCode(), r.templateVersion(), r.quantity(), attributes,
                    r.listPrice(), r.discountPercent()));
        }
        return merged;
    }

    /** Submits: checks back office's attributes are complete and starts the approvals (or approves at once). */
    @WithTransaction
    public Uni<ApplicationView> submit(String applicationNo, DataScope scope) {
        return load(applicationNo, scope).chain(a -> {
            requireOwner(a, scope);
            if (!a.status.editable()) {
                throw new Conflict("application " + applicationNo + " is " + a.status + " and cannot be submitted");
            }
            List<ApplicationItem> items = mapper.items(a);
            return revalidate(items).chain(() -> approvals.start(a, items, scope.username()));
        }).chain(a -> view(a, scope));
    }

    /** A draft from a converted opportunity (idempotent: one application per opportunity). */
    public Uni<Void> createFromOpportunity(OpportunityConverted event) {
        return Application.<Application>find("opportunityId", event.opportunityId()).firstResult().chain(existing -> {
            if (existing != null) {
                Log.debugf("Opportunity %s already has application %s", event.opportunityId(), existing.applicationNo);
                return Uni.createFrom().voidItem();
            }
            return ProductTemplate.<ProductTemplate>find("productLine = ?1 order by code, version desc",
                    event.productLine()).firstResult().chain(template -> CustomerRef
                            .<CustomerRef>findById(event.customerId())
                            .chain(customer -> StaffRef.<StaffRef>findById(event.creditSplit().ownerId())
                                    .chain(owner -> numbers.next().chain(trace -> {
                                        Application a = draftFrom(event, template, customer, owner, trace);
                                        return a.persist();
                                    }))))
                    .invoke(a -> Log.infof("Opportunity %s converted into draft %s", event.opportunityId(),
                            ((Application) a).applicationNo))
                    .replaceWithVoid();
        });
    }

    private Application draftFrom(OpportunityConverted event, ProductTemplate template, CustomerRef customer,
            StaffRef owner, String trace) {
        Instant now = Instant.now();
        Application a = new Application();
        a.applicationNo = TraceNumbers.APPLICATION + trace;
        a.customerId = event.customerId();
        a.customerName = customer != null ? customer.name : event.customerId();
        a.ownerId = event.creditSplit().ownerId();
        a.accountManagerId = customer != null ? customer.accountManagerId : null;
        a.teamId = customer != null && customer.teamId != null ? customer.teamId : owner != null ? owner.teamId : null;
        a.valueTier = event.valueTier();
        a.status = ApplicationStatus.DRAFT;
        a.opportunityId = event.opportunityId();
        a.partnerId = event.creditSplit().partnerId();
        a.ownerSharePercent = event.creditSplit().ownerSharePercent();
        a.partnerSharePercent = event.creditSplit().partnerSharePercent();
        a.createdBy = "opportunity:" + event.opportunityId();
        a.createdAt = now;
        a.updatedAt = now;
        List<ApplicationItem> items = new ArrayList<>();
        if (template != null) {
            // a draft: defaults only; the manager completes the rest before submitting
            List<AttributeDefinition> definitions = templates.attributes(template);
            Map<String, Object> values = AttributeValidator.validate(definitions, Map.of(), "", false, new ArrayList<>());
            items.add(item(template, definitions, 1, values, event.estimatedMonthlyValue(), BigDecimal.ZERO));
        }
        setItems(a, items);
        if (items.isEmpty()) {
            a.productLine = event.productLine();
        }
        return a;
    }

    @WithSession
    public Uni<ApplicationView> get(String applicationNo, DataScope scope) {
        return load(applicationNo, scope).chain(a -> view(a, scope));
    }

    /** {@code view}: mine (I own), team (my team's), customer (one customer's), or all in my scope. */
    @WithSession
    public Uni<Page<ApplicationView>> list(String view, String customerId, String opportunityId,
            ApplicationStatus status, String cursor, int limit, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.condition("a", params, false));
        if ("mine".equals(view)) {
            where.append(" and a.ownerId = :me");
            params.put("me", scope.username());
        } else if ("team".equals(view)) {
            if (scope.team() == null) {
                throw new InvalidInput("view", "your token names no team");
            }
            where.append(" and a.teamId = :team");
            params.put("team", scope.team());
        } else if ("customer".equals(view)) {
            if (customerId == null) {
                throw new InvalidInput("customerId", "is required with view=customer");
            }
        } else if (view != null && !view.isBlank()) {
            throw new InvalidInput("view", "must be mine, team or customer");
        }
        if (customerId != null) {
            where.append(" and a.customerId = :customerId");
            params.put("customerId", customerId);
        }
        if (opportunityId != null) {
            where.append(" and a.opportunityId = :opportunityId");
            params.put("opportunityId", opportunityId);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            where.append(" and a.applicationNo < :after");
            params.put("after", after);
        }
        return Application.<Application>find("from Application a where " + where + " order by a.applicationNo desc",
                params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, a -> a.applicationNo,
                        a -> mapper.view(a, List.of(), scope.readsAll())));
    }

    /** The application if the caller's scope includes it; otherwise 404. */
    public Uni<Application> load(String applicationNo, DataScope scope) {
        return Application.<Application>findById(applicationNo).map(a -> {
            if (a == null || !scope.sees(a, false)) {
                throw new NotFound("application", applicationNo);
            }
            return a;
        });
    }

    private Uni<ApplicationView> view(Application a, DataScope scope) {
        return Approval.<Approval>find("applicationNo = ?1 order by round, step, id", a.applicationNo).list()
                .map(list -> mapper.view(a, list, scope.readsAll()));
    }

    private static void requireOwner(Application a, DataScope scope) {
        boolean manager = scope.has(Roles.CUSTOMER_MANAGER)
                && (scope.username().equals(a.ownerId) || scope.username().equals(a.accountManagerId));
        if (!manager && !scope.readsAll()) {
            throw new Forbidden("only the application's customer manager (or back office) may change it");
        }
    }

    private void setItems(Application a, List<ApplicationItem> items) {
        a.itemsJson = mapper.itemsJson(items);
        a.listTotal = items.stream().map(i -> i.listPrice().multiply(BigDecimal.valueOf(i.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        a.monthlyValue = items.stream().map(ApplicationItem::monthlyAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        a.maxDiscountPercent = items.stream().map(ApplicationItem::discountPercent)
                .reduce(BigDecimal.ZERO, BigDecimal::max).setScale(2, RoundingMode.HALF_UP);
        if (!items.isEmpty()) {
            a.productLine = items.get(0).productLine();
        }
    }

    /** Items checked against their template versions; every error names its item and attribute. */
    private Uni<List<ApplicationItem>> buildItems(List<ApplicationRequest.Item> requests, boolean requireBackOffice) {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            indexes.add(i);
        }
        return Multi.createFrom().iterable(indexes)
                .onItem().transformToUniAndConcatenate(i -> {
                    ApplicationRequest.Item r = requests.get(i);
                    Uni<ProductTemplate> template = r.templateVersion() == null ? templates.latest(r.productCode())
                            : templates.version(r.productCode(), r.templateVersion());
                    return template.map(t -> {
                        String prefix = "items[" + i + "].";
                        if (t == null) {
                            errors.add(new FieldError(prefix + (r.templateVersion() == null ? "productCode" : "templateVersion"),
                                    "no product template " + r.productCode()
                                            + (r.templateVersion() == null ? "" : " v" + r.templateVersion())));
                            return List.<ApplicationItem>of();
                        }
                        List<AttributeDefinition> definitions = templates.attributes(t);
                        Map<String, Object> values = AttributeValidator.validate(definitions, r.attributes(),
                                prefix + "attributes.", requireBackOffice, errors);
                        BigDecimal discount = r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent();
                        return List.of(item(t, definitions, r.quantity(), values, r.listPrice(), discount));
                    });
                })
                .collect().asList()
                .map(lists -> {
                    if (!errors.isEmpty()) {
                        throw new InvalidInput(errors);
                    }
                    return lists.stream().flatMap(List::stream).toList();
                });
    }

    private static ApplicationItem item(ProductTemplate t, List<AttributeDefinition> definitions, int quantity,
            Map<String, Object> values, BigDecimal listPrice, BigDecimal discount) {
        BigDecimal amount = listPrice.multiply(BigDecimal.valueOf(quantity))
                .multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        List<String> backOffice = definitions.stream().filter(d -> !d.customerFacing())
                .map(AttributeDefinition::name).toList();
        return new ApplicationItem(t.code, t.version, t.name, t.productLine, t.needsReservation, quantity, values,
                backOffice, listPrice.setScale(2, RoundingMode.HALF_UP), discount.setScale(2, RoundingMode.HALF_UP),
                amount);
    }

    /** Before submission every required attribute, back office's included, must hold a valid value. */
    private Uni<Void> revalidate(List<ApplicationItem> items) {
        if (items.isEmpty()) {
            throw new InvalidInput("items", "an application needs at least one item");
        }
        List<ApplicationRequest.Item> requests = items.stream()
                .map(i -> new ApplicationRequest.Item(i.productCode(), i.templateVersion(), i.quantity(),
                        i.attributes(), i.listPrice(), i.discountPercent()))
                .toList();
        return buildItems(requests, true).replaceWithVoid();
    }

}
