package io.esop.customer.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.customer.config.CustomerConfig;
import io.esop.customer.customer.UnifiedSocialCreditCode;
import io.esop.customer.customer.repository.CustomerRepository;
import io.esop.customer.customer.rest.CustomerRequest;
import io.esop.customer.customer.rest.CustomerRequest.ContactInput;
import io.esop.customer.customer.rest.CustomerRequest.HoldingInput;
import io.esop.customer.customer.service.CustomerService;
import io.esop.customer.member.service.MemberService;
import io.esop.customer.staff.repository.StaffRepository;
import io.esop.customer.staff.rest.StaffRequest;
import io.esop.customer.staff.service.StaffService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Demo data for the local stack ({@code ESOP_DEMO_DATA=true}, never in production): the staff directory
 * matching the realm's demo users, the customer ACME ({@code cust-acme}, user {@code ent-acme}) and 240
 * deterministic customers. Loaded only into empty tables, through the services, so every record is
 * published through the outbox like any change.
 */
@ApplicationScoped
public class DemoData {

    static final int CUSTOMERS = 240;

    private static final String SH = "310000";
    private static final String HZ = "330100";
    private static final String SH_TEAM = "sh-enterprise";
    private static final String HZ_TEAM = "hz-government";

    private final boolean enabled;
    private final CustomerService customers;
    private final CustomerRepository customerRepository;
    private final StaffService staff;
    private final StaffRepository staffRepository;
    private final MemberService members;

    public DemoData(CustomerConfig config, CustomerService customers, CustomerRepository customerRepository, StaffService staff,
            StaffRepository staffRepository, MemberService members) {
        this.enabled = config.demoData();
        this.customers = customers;
        this.customerRepository = customerRepository;
        this.staff = staff;
        this.staffRepository = staffRepository;
        this.members = members;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(this::load);
    }

    Uni<Void> load() {
        return counts().chain(counts -> {
            Uni<Void> result = Uni.createFrom().voidItem();
            if (counts[0] == 0) {
                result = result.chain(this::loadStaff);
            }
            if (counts[1] == 0) {
                result = result.chain(this::loadCustomers);
            }
            return result;
        });
    }

    @WithSession
    Uni<long[]> counts() {
        return staffRepository.count().chain(s -> customerRepository.count().map(c -> new long[] { s, c }));
    }

    private Uni<Void> loadStaff() {
        List<Object[]> people = List.of(
                new Object[] { "cm-zhang", staffReq("Wei Zhang", StaffRole.CUSTOMER_MANAGER, SH,
                        List.of(Industry.FINANCE, Industry.MANUFACTURING),
                        List.of(ProductLine.DEDICATED_LINE, ProductLine.CLOUD), SH_TEAM, "dir-wang", 30) },
                new Object[] { "cm-wu", staffReq("Min Wu", StaffRole.CUSTOMER_MANAGER, SH,
                        List.of(Industry.RETAIL, Industry.INTERNET),
                        List.of(ProductLine.CLOUD, ProductLine.IOT), SH_TEAM, "dir-wang", 30) },
                new Object[] { "cm-li", staffReq("Na Li", StaffRole.CUSTOMER_MANAGER, HZ,
                        List.of(Industry.GOVERNMENT, Industry.EDUCATION),
                        List.of(ProductLine.IDC, ProductLine.DEDICATED_LINE), HZ_TEAM, "dir-zhao", 30) },
                new Object[] { "dir-wang", staffReq("Qiang Wang", StaffRole.SALES_DIRECTOR, SH,
                        List.of(), List.of(), SH_TEAM, null, 0) },
                new Object[] { "dir-zhao", staffReq("Lei Zhao", StaffRole.SALES_DIRECTOR, HZ,
                        List.of(), List.of(), HZ_TEAM, null, 0) },
                new Object[] { "bo-chen", staffReq("Jing Chen", StaffRole.BACK_OFFICE, SH,
                        List.of(), List.of(), "back-office", null, 0) },
                new Object[] { "admin", staffReq("ESOP Administrator", StaffRole.ADMIN, SH,
                        List.of(), List.of(), "esop-admin", null, 0) });
        return Multi.createFrom().iterable(people)
                .onItem().transformToUniAndConcatenate(p -> staff.put((String) p[0], (StaffRequest) p[1]))
                .collect().asList()
                .invoke(list -> Log.infof("Demo data: %d staff", list.size()))
                .replaceWithVoid();
    }

    private static StaffRequest staffReq(String name, StaffRole role, String region, List<Industry> industries,
            List<ProductLine> skills, String team, String director, int capacity) {
        return new StaffRequest(name, role, region, industries, skills, team, director, capacity, true);
    }

    private Uni<Void> loadCustomers() {
        List<CustomerRequest> requests = new ArrayList<>();
        requests.add(acme());
        for (int i = 1; i <= CUSTOMERS; i++) {
            requests.add(customer(i));
        }
        return Multi.createFrom().iterable(requests)
                .onItem().transformToUniAndConcatenate(customers::create)
                .collect().asList()
                .call(() -> members.add("cust-acme", acmeMembers()))
                .invoke(list -> Log.infof("Demo data: %d customers", list.size()))
                .replaceWithVoid();
    }

    static CustomerRequest acme() {
        return new CustomerRequest("cust-acme", "ACME Industrial Group Co., Ltd.",
                creditCode(SH, 0), Industry.MANUFACTURING, SH, ValueTier.STRATEGIC, CustomerStatus.ACTIVE,
                "cm-zhang", SH_TEAM, new BigDecimal("500000.00"), new BigDecimal("12800.00"),
                List.of(new ContactInput("Liu Yang", "CIO", "+86 138 0013 8000", "liu.yang@acme.example",
                                LocalDate.of(1978, 3, 14)),
                        new ContactInput("Sun Mei", "Procurement manager", "+86 139 1234 5678",
                                "sun.mei@acme.example", LocalDate.of(1985, 11, 2)),
                        new ContactInput("Zhou Jun", "IT operations", "+86 136 2222 3333", "zhou.jun@acme.example",
                                LocalDate.of(1990, 6, 30))),
                List.of(new HoldingInput(ProductLine.DEDICATED_LINE, LocalDate.of(2019, 4, 1),
                                new BigDecimal("18000.00")),
                        new HoldingInput(ProductLine.CLOUD, LocalDate.of(2021, 9, 15), new BigDecimal("26500.00")),
                        new HoldingInput(ProductLine.IDC, LocalDate.of(2022, 1, 10), new BigDecimal("9800.00")),
                        new HoldingInput(ProductLine.SMS, LocalDate.of(2023, 5, 20), new BigDecimal("1200.00"))));
    }

    static List<String> acmeMembers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            numbers.add(String.format("1380013%04d", i));
        }
        return numbers;
    }

    private static final String[] CITY_SH = { "Shanghai", "Pudong", "Minhang", "Jiading" };
    private static final String[] CITY_HZ = { "Hangzhou", "Xihu", "Binjiang", "Xiaoshan" };
    private static final String[] WORDS = { "Huatong", "Xinda", "Jinqiao", "Hengyuan", "Tianrun", "Zhongke",
            "Ruifeng", "Dongfang", "Baisheng", "Kaiyuan", "Longteng", "Mingde", "Qiming", "Shengshi", "Yuanhang" };
    private static final Industry[] SH_INDUSTRIES = { Industry.FINANCE, Industry.MANUFACTURING, Industry.RETAIL,
            Industry.INTERNET, Industry.LOGISTICS, Industry.HEALTHCARE, Industry.MEDIA, Industry.REAL_ESTATE };
    private static final Industry[] HZ_INDUSTRIES = { Industry.GOVERNMENT, Industry.EDUCATION,
            Industry.HEALTHCARE, Industry.TRANSPORT, Industry.ENERGY };
    private static final String[] ROLES = { "CIO", "CFO", "Procurement manager", "IT operations", "General manager" };
    private static final String[] SURNAMES = { "Zhang", "Wang", "Li", "Zhao", "Chen", "Yang", "Huang", "Zhou" };
    private static final String[] GIVEN = { "Wei", "Fang", "Jie", "Lin", "Hao", "Yan", "Tao", "Xin" };

    /** Customer {@code i}: managers rotate cm-zhang, cm-wu, cm-li; tiers 10% STRATEGIC, 20% KEY, 30% STANDARD, 40% SME. */
    static CustomerRequest customer(int i) {
        int manager = i % 3;
        boolean hz = manager == 2;
        String region = hz ? HZ : SH;
        String managerId = switch (manager) {
            case 0 -> "cm-zhang";
            case 1 -> "cm-wu";
            default -> "cm-li";
        };
        Industry[] industries = hz ? HZ_INDUSTRIES : SH_INDUSTRIES;
        Industry industry = industries[(i / 3) % industries.length];
        int tierSlot = i % 10;
        ValueTier tier = tierSlot == 0 ? ValueTier.STRATEGIC
                : tierSlot <= 2 ? ValueTier.KEY
                : tierSlot <= 5 ? ValueTier.STANDARD
                : ValueTier.SME;
        String city = (hz ? CITY_HZ : CITY_SH)[i % 4];
        String name = city + " " + WORDS[i % WORDS.length] + " " + WORDS[(i / WORDS.length + 7) % WORDS.length]
                + " " + label(industry) + " Co., Ltd. No." + i;
        CustomerStatus status = i % 37 == 0 ? CustomerStatus.SUSPENDED : i % 23 == 0 ? CustomerStatus.PROSPECT
                : CustomerStatus.ACTIVE;
        BigDecimal creditLimit = BigDecimal.valueOf(switch (tier) {
            case STRATEGIC -> 300_000;
            case KEY -> 100_000;
            case STANDARD -> 30_000;
            case SME -> 5_000;
        });
        BigDecimal arrears = i % 7 == 0 ? BigDecimal.valueOf((i * 137L) % 20_000) : BigDecimal.ZERO;
        List<ContactInput> contacts = new ArrayList<>();
        int contactCount = 1 + i % 2;
        for (int c = 0; c < contactCount; c++) {
            String person = SURNAMES[(i + c) % SURNAMES.length] + " " + GIVEN[(i * 3 + c) % GIVEN.length];
            contacts.add(new ContactInput(person, ROLES[(i + c) % ROLES.length],
                    String.format("+86 139 %04d %04d", i % 10_000, c), null,
                    LocalDate.of(1965 + (i + c) % 30, 1 + (i + c) % 12, 1 + (i * 7 + c) % 28)));
        }
        List<HoldingInput> holdings = new ArrayList<>();
        ProductLine[] lines = ProductLine.values();
        for (int h = 0; h < 1 + i % 3; h++) {
            holdings.add(new HoldingInput(lines[(i + h * 2) % lines.length],
                    LocalDate.of(2016 + (i + h) % 9, 1 + (i + h) % 12, 1),
                    BigDecimal.valueOf(800 + (i * 53L + h * 311L) % 20_000)));
        }
        return new CustomerRequest(String.format("cust-%04d", i), name, creditCode(region, i), industry, region,
                tier, status, managerId, hz ? HZ_TEAM : SH_TEAM, creditLimit, arrears, contacts, holdings);
    }

    /** A valid code: 9 (registered with market regulation) 1 (enterprise), region, organization code, check. */
    static String creditCode(String region, int i) {
        return UnifiedSocialCreditCode.complete("91" + region + String.format("MA%07d", i)).value();
    }

    private static String label(Industry industry) {
        String name = industry.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
