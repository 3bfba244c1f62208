package io.esop.sla.clock.messaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.clock.ClockState;
import io.esop.sla.clock.ClockStatus;

/**
 * Compact binary form of a clock in its store and changelog (about 150 bytes instead of 900 of JSON with a policy
 * copy): the punctuator reads and writes one per alert, so this is on the firing path. Enums are written by name,
 * so reordering a contracts enum does not corrupt stored clocks. The first byte is the format version.
 */
public final class ClockStateSerde implements Serde<ClockState>, Serializer<ClockState>, Deserializer<ClockState> {

    private static final byte FORMAT_1 = 1;

    @Override
    public byte[] serialize(String topic, ClockState c) {
        if (c == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            out.writeUTF(c.clockId());
            out.writeUTF(c.clockType().name());
            out.writeUTF(c.subjectType().name());
            out.writeUTF(c.subjectId());
            writeNullable(out, c.milestone() == null ? null : c.milestone().name());
            writeNullable(out, c.customerId());
            out.writeUTF(c.responsibleUserId());
            writeNullable(out, c.teamId());
            out.writeUTF(c.valueTier().name());
            out.writeUTF(c.productLine().name());
            out.writeUTF(c.policyId());
            out.writeInt(c.policyVersion());
            writeInstant(out, c.startedAt());
            out.writeUTF(c.status().name());
            out.writeLong(c.spent().getSeconds());
            out.writeInt(c.spent().getNano());
            writeInstant(out, c.segmentStart());
            writeInstant(out, c.stoppedAt());
            out.writeByte(c.emitted().size());
            for (String slot : c.emitted()) {
                out.writeUTF(slot);
            }
            writeNullable(out, c.indexKey());
        } catch (IOException e) {
            throw new SerializationException("cannot write clock " + c.clockId(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public ClockState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new SerializationException("unknown clock format " + format);
            }
            String clockId = in.readUTF();
            ClockType clockType = ClockType.valueOf(in.readUTF());
            SlaSubjectType subjectType = SlaSubjectType.valueOf(in.readUTF());
            String subjectId = in.readUTF();
            String milestone = readNullable(in);
            String customerId = readNullable(in);
            String responsible = in.readUTF();
            String teamId = readNullable(in);
            ValueTier tier = ValueTier.valueOf(in.readUTF());
            ProductLine line = ProductLine.valueOf(in.readUTF());
            String policyId = in.readUTF();
            int policyVersion = in.readInt();
            Instant startedAt = readInstant(in);
            ClockStatus status = ClockStatus.valueOf(in.readUTF());
            Duration spent = Duration.ofSeconds(in.readLong(), in.readInt());
            Instant segmentStart = readInstant(in);
            Instant stoppedAt = readInstant(in);
            int slots = in.readByte();
            Set<String> emitted = new LinkedHashSet<>();
            for (int i = 0; i < slots; i++) {
                emitted.add(in.readUTF());
            }
            String indexKey = readNullable(in);
            return new ClockState(clockId, clockType, subjectType, subjectId,
                    milestone == null ? null : Milestone.valueOf(milestone), customerId, responsible, teamId, tier,
                    line, policyId, policyVersion, startedAt, status, spent, segmentStart, stoppedAt, emitted,
                    indexKey);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot read a clock", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<ClockState> serializer() {
        return this;
    }

    @Override
    public Deserializer<ClockState> deserializer() {
        return this;
    }
}
