package io.esop.order.template.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.web.Conflict;
import io.esop.web.Cursor;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.web.Problem.FieldError;
import io.esop.order.template.AttributeDefinition;
import io.esop.order.template.AttributeValidator;
import io.esop.order.template.ProductTemplate;
import io.esop.order.template.rest.TemplateRequest;
import io.esop.order.template.rest.TemplateView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Product templates: versioned, written by back office, read by every member of staff. */
@ApplicationScoped
public class TemplateService {

    private static final TypeReference<List<AttributeDefinition>> ATTRIBUTES = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    public TemplateService(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The latest version of a template, or null. */
    public Uni<ProductTemplate> latest(String code) {
        return ProductTemplate.<ProductTemplate>find("code = ?1 order by version desc", code).firstResult();
    }

    /** A given version of a template, or null. */
    public Uni<ProductTemplate> version(String code, int version) {
        return ProductTemplate.<ProductTemplate>find("code = ?1 and version = ?2", code, version).firstResult();
    }

    @WithSession
    public Uni<TemplateView> get(String code, Integer version, boolean backOffice) {
        Uni<ProductTemplate> template = version == null ? latest(code) : version(code, version);
        return template.map(t -> {
            if (t == null) {
                throw new NotFound("template", version == null ? code : code + " v" + version);
            }
            return view(t, backOffice);
        });
    }

    /** The latest version of every template, by code. */
    @WithSession
    public Uni<Page<TemplateView>> list(String cursor, int limit, boolean backOffice) {
        String after = Cursor.decode(cursor);
        return ProductTemplate.<ProductTemplate>find("""
                from ProductTemplate t
                where t.version = (select max(t2.version) from ProductTemplate t2 where t2.code = t.code)
                  and t.code > ?1
                order by t.code""", after == null ? "" : after)
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, t -> t.code, t -> view(t, backOffice)));
    }

    @WithTransaction
    public Uni<TemplateView> create(TemplateRequest request, String user) {
        if (request.code() == null) {
            throw new InvalidInput("code", "is required");
        }
        check(request);
        return latest(request.code()).chain(existing -> {
            if (existing != null) {
                throw new Conflict("template " + request.code() + " exists; PUT /api/templates/" + request.code()
                        + " creates its next version");
            }
            return insert(request.code(), 1, request, user);
        });
    }

    /** Editing a template creates its next version; applications keep the version they were made with. */
    @WithTransaction
    public Uni<TemplateView> update(String code, TemplateRequest request, String user) {
        check(request);
        return latest(code).chain(existing -> {
            if (existing == null) {
                throw new NotFound("template", code);
            }
            return insert(code, existing.version + 1, request, user);
        });
    }

    private Uni<TemplateView> insert(String code, int version, TemplateRequest request, String user) {
        ProductTemplate t = new ProductTemplate();
        t.code = code;
        t.version = version;
        t.name = request.name();
        t.productLine = request.productLine();
        t.needsReservation = request.needsResourceReservation();
        t.description = request.description();
        t.attributesJson = toJson(request.attributes());
        t.createdBy = user;
        return t.<ProductTemplate>persistAndFlush().chain(saved -> version(code, version)).map(saved -> view(saved, true));
    }

    private static void check(TemplateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < request.attributes().size(); i++) {
            AttributeDefinition d = request.attributes().get(i);
            AttributeValidator.checkDefinition(d, "attributes[" + i + "].", errors);
            if (d.name() != null && seen.contains(d.name())) {
                errors.add(new FieldError("attributes[" + i + "].name", "duplicate attribute " + d.name()));
            }
            seen.add(d.name());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public List<AttributeDefinition> attributes(ProductTemplate template) {
        try {
            return objectMapper.readValue(template.attributesJson, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template " + template.code + " v" + template.version
                    + " has unreadable attributes", e);
        }
    }

    public TemplateView view(ProductTemplate t, boolean backOffice) {
        List<AttributeDefinition> attributes = attributes(t).stream()
                .filter(a -> backOffice || a.customerFacing())
                .toList();
        return new TemplateView(t.code, t.version, t.name, t.productLine, t.needsReservation, t.description,
                attributes, t.createdBy, t.createdAt);
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
