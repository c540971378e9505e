package io.matchmaking.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} is believed, as addresses or CIDR
 * ranges. A request from anywhere else is from its peer address, whatever it claims: otherwise a
 * client could name any address and escape its limit.
 *
 * @param ranges the trusted ranges
 */
public record TrustedProxies(List<Range> ranges) {

    /** No proxy is trusted: every client is its peer address. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /**
     * One address or range: {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code fd00::/8}.
     *
     * @param network the range's first address
     * @param bits    how many leading bits of an address must match
     */
    public record Range(byte[] network, int bits) {

        /** Parses {@code text}; an IP literal only (no host name is looked up). */
        public static Range parse(String text) {
            String[] parts = text.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an address or CIDR range: " + text);
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("not an address or CIDR range: " + text);
                }
            }
            return new Range(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The client of a request from {@code peer} that carried {@code forwardedFor}: the peer unless
     * it is a trusted proxy, else the nearest address in the header that is not one (each proxy
     * appends the address it heard from, so the right end is the most trustworthy).
     */
    String client(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isTrusted(hop)) {
                return hop.isEmpty() ? peer : hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /** An IPv4 or IPv6 literal's bytes, without any name lookup. */
    private static byte[] literal(String text) {
        String trimmed = text.trim();
        boolean literal = !trimmed.isEmpty() && (trimmed.indexOf(':') >= 0 || trimmed.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!literal) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(trimmed.startsWith("[") ? trimmed.substring(1, trimmed.length() - 1) : trimmed).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }
}
