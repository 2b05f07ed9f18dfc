#!/usr/bin/env python3
"""derive.py - the measured side of the tlssim fidelity comparison.

Usage:  python3 scenarios/fidelity/measured/derive.py /work/shared/validation [OUTDIR]

Stdlib only. OUTDIR defaults to the directory this script is in. Output is deterministic: rows
sorted, every float written with 3 decimals, '\\n' line endings. Running it twice gives identical
files.

READS (under the validation directory given as argument)
  data/latency/latency.csv              no loss; tags veth (skipped), rtt0, rtt50, rtt100, rtt200
  data/latency/linkem_rtt{0,50,100,200}.log.gz
  data/loss_seed{1,2}/loss.csv          RTT 100 ms, tags rtt100_loss5 and rtt100_loss10
  data/loss_seed{1,2}/linkem_rtt100_loss{5,10}.log.gz
  CSV columns (written by harness/tls_probe.py): tag, scenario (= mode), rep, phase, cport (client
  TCP port), hs_ms, closed_ms, t0_ns, ...  t0_ns is time.perf_counter_ns() taken just before
  connect(); on Linux that is CLOCK_MONOTONIC in ns. hs_ms = t0 -> return of do_handshake().
  Measured rows are phase == "main" (tls_probe.py writes "main", not "measure"); phase "warmup"
  (rep -1) and "prime" (the full handshake that obtains the session before each resumed one) are
  not measurements. Their packets are still assigned to them (so they cannot be mistaken for a
  measured connection's packets) but they are not written out.

WRITES (into OUTDIR)
  connections.csv      one row per measured connection (latency rtt0/50/100/200 and both loss seeds)
  summary.csv          hs_ms statistics per (run_group, rtt, loss, mode, drop_class)
  retransmissions.csv  retransmission delays (data segments, SYN, SYN-ACK) for the loss runs

LINKEM LOG FORMAT (harness/linkem.c, log_pkt()), one line per IP packet read from a TUN device:
    t_us dir iplen proto sport dport tcpflags seq ack payload verdict
  t_us     CLOCK_MONOTONIC in microseconds (0.1 us resolution), taken when linkem READ the packet,
           i.e. when the sender put it on the wire, before the one-way delay. Same clock as t0_ns.
  dir      AB = client -> server (client namespace tlsvc is side A), BA = server -> client
  iplen    bytes read (whole IP packet)
  proto    IP protocol (6 = TCP; only TCP lines are used)
  sport/dport  TCP ports; the server port is 4433 or 4434, the client port is sport on AB and dport
           on BA lines
  tcpflags hex TCP flags byte: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10
  seq/ack  raw 32-bit TCP sequence / acknowledgement numbers
  payload  TCP payload bytes = IP total length - IP header length - TCP data offset*4, computed by
           linkem from the headers (so TCP options such as timestamps or SACK blocks are NOT payload;
           do not derive it from iplen: ACKs with SACK blocks are 64 B instead of 52 B)
  verdict  PASS (forwarded after the delay), DROP (lost by the Bernoulli draw), QFULL (queue full;
           never occurs in these logs, would be counted as a loss)
  Packet kinds: SYN = SYN flag without ACK (client); SYN-ACK = SYN+ACK (server); data (payload)
  packet = payload > 0 (no SYN; no FIN+payload packet occurs in these logs, it would count as data);
  FIN = FIN flag with payload 0; pure ACK = payload 0, no SYN, no FIN, no RST.

MATCHING PACKETS TO CONNECTIONS
  For one log (= one tag), every CSV row of that tag (all phases) is a connection keyed by its
  client port. Client ports ARE reused within a tag (about a dozen times per loss log), so the port
  alone is not enough: a TCP packet whose client port is P belongs to the row with port P and the
  largest t0 <= packet time. Packets before any such t0 (leftovers of an earlier process) are
  unassigned. Checked for every measured connection: its first assigned packet is a client SYN
  sent within 20 ms after t0 (median 0.15 ms, p99 2.6 ms; 5.3-14.8 ms in 6 connections: host
  stalls between t0 and the SYN), and every client->server packet's seq lies within 1 MB after the SYN's
  ISN (no foreign packets); violations are printed as warnings (none occur in the current data).
  Handshake window = [t0, t0 + hs_ms], compared with the linkem timestamps. Only drops inside the
  window count for drop_class and the *_lost columns: a lost FIN (or anything else) after the
  handshake completed does not count. Note a server->client packet dropped shortly before the end
  of the window could not have arrived before the end anyway; it still counts (it was "lost
  between the first SYN and the moment the handshake completed").

DEFINITIONS (connections.csv)
  run          latency | loss_seed1 | loss_seed2
  rtt_ms, loss_pct  from the tag (rttX[_lossY]); loss_pct is per direction
  mode         the CSV scenario
  rep          0..19 (latency) or 0..49 (loss)
  hs_ms        from the CSV
  syn_lost / synack_lost / data_lost / acks_lost  number of dropped SYN / SYN-ACK / payload
               packets (either direction) / pure ACKs inside the handshake window
  lost_packets all drops inside the window (the four above, plus FIN/RST if any: never, in this data)
  drop_class   syn  : a SYN or SYN-ACK was dropped at least once (whatever else was)
               data : no SYN/SYN-ACK dropped, >= 1 payload packet (either direction) dropped
               ack  : only pure ACKs dropped
               none : nothing dropped in the window
  first_data_retx_delay_ms  for the first payload packet dropped inside the handshake window: time
               from that (dropped) transmission to the first later packet of the same connection,
               same direction, with payload > 0 and the same sequence number (i.e. its first
               retransmission, whether that one passed or was dropped too). Empty if no payload
               packet was dropped in the window, or if it was never retransmitted.

summary.csv: run_group latency = the no-loss run (rtt 0/50/100/200), loss = loss_seed1 and
  loss_seed2 pooled. Rows: every (run_group, rtt, loss, mode) with drop_class "all"; the same with
  mode "pooled" (all six modes); for the loss group also every drop class (none/syn/data/ack) per
  mode and pooled (n = 0 rows are written with empty statistics). Percentiles are nearest-rank:
  the p-th percentile of n sorted values is v[ceil(p*n/100)] (1-based), as in the simulator's
  stats.csv; median = p50. mean_ms arithmetic mean; share_ge_1s = fraction with hs_ms >= 1000.

retransmissions.csv: for run in loss_seed1, loss_seed2 and "pooled" (both seeds), per loss_pct:
  kind data_first  one value per measured connection = first_data_retx_delay_ms (direction of that
                   first lost segment), handshake window only
  kind data_all    every payload packet dropped inside a measured handshake window
  kind data_log    every payload packet dropped anywhere in the log (all connections incl. warm-up and
                   priming ones, post-handshake data such as HTTP request/response and TLS1.3
                   tickets included): the population behind RESULTS.md's "314 / 320 ms, p25 132 /
                   134 ms" (seed 1)
  kind syn         every SYN dropped in a measured handshake window -> next SYN of that connection
  kind synack      every SYN-ACK dropped in a measured handshake window -> next SYN-ACK sent by the
                   server (a retransmission by timer, or the reply to a retransmitted SYN)
  kind syn_log / synack_log  the same over all connections of the log
  direction c2s | s2c | all (SYN is always c2s, SYN-ACK always s2c). n counts drops that were
  retransmitted; n_not_retx counts drops never seen again (excluded from the percentiles).
"""
import csv
import gzip
import math
import os
import sys
from collections import defaultdict

MODES = ["t12_rsa_full", "t12_ecdhe_full", "t12_sessid_resume", "t12_ticket_resume", "t13_full", "t13_resume"]
CLASSES = ["none", "syn", "data", "ack"]
SERVER_PORTS = (4433, 4434)
MEASURED_PHASE = "main"
# (run, csv path, [(tag, log path)])
SOURCES = [
    ("latency", "data/latency/latency.csv",
     [("rtt%d" % r, "data/latency/linkem_rtt%d.log.gz" % r) for r in (0, 50, 100, 200)]),
    ("loss_seed1", "data/loss_seed1/loss.csv",
     [("rtt100_loss%d" % l, "data/loss_seed1/linkem_rtt100_loss%d.log.gz" % l) for l in (5, 10)]),
    ("loss_seed2", "data/loss_seed2/loss.csv",
     [("rtt100_loss%d" % l, "data/loss_seed2/linkem_rtt100_loss%d.log.gz" % l) for l in (5, 10)]),
]


def f3(x):
    return "" if x is None else "%.3f" % x


def nearest_rank(sorted_xs, p):
    n = len(sorted_xs)
    if n == 0:
        return None
    k = max(1, -(-p * n // 100))  # ceil(p*n/100) in integers
    return sorted_xs[k - 1]


def parse_tag(tag):
    rtt, _, loss = tag[3:].partition("_loss")
    return int(rtt), int(loss) if loss else 0


class Pkt:
    __slots__ = ("t", "c2s", "flags", "seq", "payload", "drop")

    def __init__(self, t, c2s, flags, seq, payload, drop):
        self.t, self.c2s, self.flags, self.seq, self.payload, self.drop = t, c2s, flags, seq, payload, drop

    def kind(self):
        if self.flags & 0x02:
            return "synack" if self.flags & 0x10 else "syn"
        if self.payload > 0:
            return "data"
        if self.flags & 0x05:  # FIN or RST
            return "fin"
        return "ack"


def read_log(path):
    """-> {client_port: [Pkt, ...] in log order}"""
    by_port = defaultdict(list)
    with gzip.open(path, "rt") as f:
        for line in f:
            p = line.split()
            if len(p) < 11 or p[3] != "6":
                continue
            sport, dport = int(p[4]), int(p[5])
            if p[1] == "AB" and dport in SERVER_PORTS:
                cport, c2s = sport, True
            elif p[1] == "BA" and sport in SERVER_PORTS:
                cport, c2s = dport, False
            else:
                continue
            by_port[cport].append(Pkt(float(p[0]), c2s, int(p[6], 16), int(p[7]), int(p[9]),
                                      p[10] != "PASS"))
    return by_port


def retx_delay(pkts, i):
    """Delay (ms) from dropped packet pkts[i] to the first later packet of the same connection in the
    same direction that retransmits it (same seq; payload > 0 for data, same SYN/SYN-ACK kind)."""
    p = pkts[i]
    k = p.kind()
    for q in pkts[i + 1:]:
        if q.c2s == p.c2s and q.seq == p.seq and q.kind() == k:
            return (q.t - p.t) / 1000.0
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    vdir = sys.argv[1]
    outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    conns = []                      # measured connection dicts
    retx = defaultdict(list)        # (run, loss, kind, direction) -> [delay or None]
    warnings = []
    unassigned = 0
    for run, csvpath, logs in SOURCES:
        rows = list(csv.DictReader(open(os.path.join(vdir, csvpath), newline="")))
        for tag, logpath in logs:
            rtt, loss = parse_tag(tag)
            by_port = read_log(os.path.join(vdir, logpath))
            trows = [r for r in rows if r["tag"] == tag]
            rows_by_port = defaultdict(list)
            for r in trows:
                if r["cport"]:
                    rows_by_port[int(r["cport"])].append(r)
            assigned = defaultdict(list)  # id(row) -> packets
            for port, pkts in by_port.items():
                cands = sorted(rows_by_port.get(port, []), key=lambda r: int(r["t0_ns"]))
                for pk in pkts:
                    owner = None
                    for r in cands:
                        if int(r["t0_ns"]) / 1000.0 <= pk.t:
                            owner = r
                        else:
                            break
                    if owner is None:
                        unassigned += 1
                    else:
                        assigned[id(owner)].append(pk)
            for r in trows:
                pkts = assigned.get(id(r), [])
                t0 = int(r["t0_ns"]) / 1000.0
                measured = r["phase"] == MEASURED_PHASE
                # whole-log retransmission populations (all phases, whole connection)
                if loss:
                    for i, pk in enumerate(pkts):
                        if pk.drop and pk.kind() in ("data", "syn", "synack"):
                            d = retx_delay(pkts, i)
                            dirn = "c2s" if pk.c2s else "s2c"
                            retx[(run, loss, pk.kind() + "_log", dirn)].append(d)
                if not measured:
                    continue
                if r["err"] or not r["hs_ms"]:
                    warnings.append("%s %s %s rep %s: error row skipped" % (run, tag, r["scenario"], r["rep"]))
                    continue
                hs = float(r["hs_ms"])
                # consistency checks
                if not pkts or not (pkts[0].c2s and pkts[0].kind() == "syn") or pkts[0].t - t0 > 20000:
                    warnings.append("%s %s port %s: first packet is not a client SYN within 20 ms of t0"
                                    % (run, tag, r["cport"]))
                else:
                    isn = pkts[0].seq
                    bad = sum(1 for pk in pkts if pk.c2s and (pk.seq - isn) % 2 ** 32 > 1 << 20)
                    if bad:
                        warnings.append("%s %s port %s: %d client packets outside the ISN range"
                                        % (run, tag, r["cport"], bad))
                t1 = t0 + hs * 1000.0
                cnt = defaultdict(int)
                first_data = None
                for i, pk in enumerate(pkts):
                    if not (t0 <= pk.t <= t1) or not pk.drop:
                        continue
                    k = pk.kind()
                    cnt[k] += 1
                    dirn = "c2s" if pk.c2s else "s2c"
                    if k in ("syn", "synack", "data"):
                        d = retx_delay(pkts, i)
                        retx[(run, loss, "data_all" if k == "data" else k, dirn)].append(d)
                        if k == "data" and first_data is None:
                            first_data = (d, dirn)
                if cnt["syn"] or cnt["synack"]:
                    cls = "syn"
                elif cnt["data"]:
                    cls = "data"
                elif cnt["ack"]:
                    cls = "ack"
                else:
                    cls = "none"
                if cnt["fin"]:
                    warnings.append("%s %s port %s: FIN/RST dropped inside the handshake window"
                                    % (run, tag, r["cport"]))
                if first_data is not None and loss:
                    retx[(run, loss, "data_first", first_data[1])].append(first_data[0])
                conns.append(dict(run=run, rtt=rtt, loss=loss, mode=r["scenario"], rep=int(r["rep"]), hs=hs,
                                  cls=cls, lost=sum(cnt.values()), syn=cnt["syn"], synack=cnt["synack"],
                                  data=cnt["data"], ack=cnt["ack"],
                                  retx=first_data[0] if first_data else None))

    conns.sort(key=lambda c: ([s[0] for s in SOURCES].index(c["run"]), c["rtt"], c["loss"],
                              MODES.index(c["mode"]), c["rep"]))
    with open(os.path.join(outdir, "connections.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run", "rtt_ms", "loss_pct", "mode", "rep", "hs_ms", "drop_class", "lost_packets",
                    "syn_lost", "synack_lost", "data_lost", "acks_lost", "first_data_retx_delay_ms"])
        for c in conns:
            w.writerow([c["run"], c["rtt"], c["loss"], c["mode"], c["rep"], f3(c["hs"]), c["cls"], c["lost"],
                        c["syn"], c["synack"], c["data"], c["ack"], f3(c["retx"])])

    # summary.csv
    groups = defaultdict(list)
    for c in conns:
        g = "latency" if c["run"] == "latency" else "loss"
        for mode in (c["mode"], "pooled"):
            groups[(g, c["rtt"], c["loss"], mode, "all")].append(c["hs"])
            if g == "loss":
                groups[(g, c["rtt"], c["loss"], mode, c["cls"])].append(c["hs"])
    keys = set(groups)
    for (g, rtt, loss, mode, cls) in list(keys):
        if g == "loss":
            for cl in CLASSES:
                groups.setdefault((g, rtt, loss, mode, cl), [])
    order_modes = MODES + ["pooled"]
    order_cls = ["all"] + CLASSES
    with open(os.path.join(outdir, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run_group", "rtt_ms", "loss_pct", "mode", "drop_class", "n", "median_ms", "p75_ms",
                    "p90_ms", "mean_ms", "share_ge_1s"])
        for key in sorted(groups, key=lambda k: (k[0] != "latency", k[1], k[2], order_modes.index(k[3]),
                                                 order_cls.index(k[4]))):
            xs = sorted(groups[key])
            n = len(xs)
            w.writerow(list(key) + [n, f3(nearest_rank(xs, 50)), f3(nearest_rank(xs, 75)),
                                    f3(nearest_rank(xs, 90)), f3(sum(xs) / n if n else None),
                                    f3(sum(1 for x in xs if x >= 1000) / n if n else None)])

    # retransmissions.csv
    pooled = defaultdict(list)
    for (run, loss, kind, dirn), ds in list(retx.items()):
        for r2 in ("pooled",):
            pooled[(r2, loss, kind, dirn)] += ds
    retx.update(pooled)
    for (run, loss, kind, dirn), ds in list(retx.items()):
        if kind.startswith("data"):
            retx.setdefault((run, loss, kind, "all"), [])
    for (run, loss, kind, dirn), ds in list(retx.items()):
        if kind.startswith("data") and dirn != "all":
            retx[(run, loss, kind, "all")] += ds
    runs = ["loss_seed1", "loss_seed2", "pooled"]
    kinds = ["data_first", "data_all", "data_log", "syn", "synack", "syn_log", "synack_log"]
    dirs = ["c2s", "s2c", "all"]
    with open(os.path.join(outdir, "retransmissions.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run", "loss_pct", "kind", "direction", "n", "n_not_retx", "p25_ms", "median_ms",
                    "p75_ms", "p90_ms", "max_ms"])
        for key in sorted(retx, key=lambda k: (runs.index(k[0]), k[1], kinds.index(k[2]), dirs.index(k[3]))):
            ds = retx[key]
            xs = sorted(d for d in ds if d is not None)
            w.writerow(list(key) + [len(xs), len(ds) - len(xs)] +
                       [f3(nearest_rank(xs, p)) for p in (25, 50, 75, 90)] + [f3(xs[-1] if xs else None)])

    for m in warnings:
        print("WARNING:", m, file=sys.stderr)
    print("measured connections: %d; packets not assigned to any CSV row: %d; warnings: %d"
          % (len(conns), unassigned, len(warnings)), file=sys.stderr)


if __name__ == "__main__":
    main()
