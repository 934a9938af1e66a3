//! Redaction throughput on a generated mixed log (mostly ordinary WordPress and
//! access-log lines, with secrets and customer details on a few in twenty).
//!
//!     cargo bench --bench redact_throughput                 # time the engine, print MB/s
//!     cargo bench --bench redact_throughput -- --write F    # only write the log to F
//!     cargo bench --bench redact_throughput -- --mb 100     # another size

use std::time::Instant;

use runbook::redact::{Engine, Profile, StreamState};

/// xorshift64*: deterministic, so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn alnum(&mut self, n: usize) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        (0..n)
            .map(|_| A[self.below(A.len() as u64) as usize] as char)
            .collect()
    }
    fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| b"0123456789abcdef"[self.below(16) as usize] as char)
            .collect()
    }
}

const NAMES: &[&str] = &[
    "Ana Lima",
    "Kenji Watanabe",
    "Aoife Byrne",
    "Mateus Souza",
    "Priya Nair",
    "Lukas Brandt",
];
const PLUGINS: &[&str] = &[
    "sophmate",
    "woocommerce",
    "wp-mail-smtp",
    "redis-cache",
    "woocommerce-gateway-stripe",
];

fn line(rng: &mut Rng, n: u64) -> String {
    let ts = format!(
        "[24-Nov-2026 {:02}:{:02}:{:02} UTC]",
        n / 3600 % 24,
        n / 60 % 60,
        n % 60
    );
    let plugin = PLUGINS[rng.below(PLUGINS.len() as u64) as usize];
    let dirty = rng.below(20) == 0;
    if !dirty {
        return match rng.below(6) {
            0 => format!(
                "{ts} PHP Warning:  Undefined array key \"usage\" in /var/www/html/wp-content/plugins/{plugin}/includes/class-provider-base.php on line {}",
                rng.below(900)
            ),
            1 => format!(
                "{ts} PHP Deprecated:  Creation of dynamic property SophMate\\Chat\\Session::$meta is deprecated in /var/www/html/wp-content/plugins/{plugin}/includes/class-session.php on line {}",
                rng.below(900)
            ),
            2 => format!(
                "{ts} SophMate [SOPH-E1{:03}] Knowledge base sync timed out (status=504, request_id={}-{}-4{}-a{}-{}, hook=sophmate_sync_knowledge_base)",
                rng.below(999),
                rng.hex(8),
                rng.hex(4),
                rng.hex(3),
                rng.hex(3),
                rng.hex(12)
            ),
            3 => format!(
                "10.0.{}.{} - - [24/Nov/2026:10:04:11 +0000] \"GET /wp-content/plugins/{plugin}/assets/app.js?ver={} HTTP/1.1\" 200 {} \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36\"",
                rng.below(255),
                rng.below(255),
                rng.hex(32),
                rng.below(90000)
            ),
            4 => format!(
                "{ts} Cron reschedule event error for hook: woocommerce_cleanup_draft_orders, Error code: invalid_schedule, order #{} total {}.{:02}",
                40000 + rng.below(9999),
                rng.below(500),
                rng.below(100)
            ),
            _ => format!(
                "#{} /var/www/html/wp-includes/class-wp-hook.php({}): WP_Hook->apply_filters(NULL, Array)",
                rng.below(9),
                rng.below(400)
            ),
        };
    }
    let name = NAMES[rng.below(NAMES.len() as u64) as usize];
    match rng.below(6) {
        0 => format!(
            "{ts} SophMate: provider openai header Authorization: Bearer sk-proj-{}",
            rng.alnum(48)
        ),
        1 => format!(
            "{ts} SophMate context: {{\"customer\":{{\"name\":\"{name}\",\"email\":\"{}@example.org\",\"phone\":\"+44 7700 9{:05}\"}},\"order\":{}}}",
            rng.alnum(8).to_lowercase(),
            rng.below(99999),
            rng.below(99999)
        ),
        2 => format!(
            "{ts} Redis Object Cache: connection refused (using redis://default:{}@10.0.0.21:6379/1)",
            rng.alnum(24)
        ),
        3 => format!(
            "{ts} SophMate chat: {{\"role\":\"user\",\"content\":\"Hi, this is {name}. Please ship to {} Harbour View Road, Bristol.\"}}",
            rng.below(999) + 1
        ),
        4 => format!(
            "203.0.{}.{} - - [24/Nov/2026:10:04:11 +0000] \"GET /my-account/lost-password/?key={}&id={} HTTP/1.1\" 302 512",
            rng.below(255),
            rng.below(255),
            rng.alnum(20),
            rng.below(9999)
        ),
        _ => format!(
            "{ts} WC Stripe: webhook signature mismatch, configured secret whsec_{}",
            rng.alnum(32)
        ),
    }
}

fn mixed_log(bytes: usize) -> Vec<u8> {
    let mut rng = Rng(0x5EED_1234_ABCD_0042);
    let mut out = Vec::with_capacity(bytes + 512);
    let mut n = 0;
    while out.len() < bytes {
        out.extend_from_slice(line(&mut rng, n).as_bytes());
        out.push(b'\n');
        n += 1;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let mb: usize = arg("--mb").and_then(|v| v.parse().ok()).unwrap_or(20);
    let text = mixed_log(mb * 1_000_000);
    if let Some(path) = arg("--write") {
        std::fs::write(path, &text).expect("write the mixed log");
        return;
    }
    Engine::warm_up();
    const CHUNK: usize = 256 * 1024;
    let chunks: Vec<&[u8]> = split_at_lines(&text, CHUNK);
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let mut engine = Engine::new(Profile::Standard);
        let mut state = StreamState::default();
        // As `runbook redact` does: the second pass reuses what the first found.
        let scans: Vec<_> = chunks
            .iter()
            .map(|c| engine.learn_chunk(c, &mut state))
            .collect();
        let mut state = StreamState::default();
        findings = 0;
        for (c, scanned) in chunks.iter().zip(scans) {
            findings += engine.redact_scanned(c, scanned, &mut state).findings.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mbps = text.len() as f64 / 1e6 / best;
    println!(
        "redact (learn + redact) {:.1} MB mixed log: best of 3 {:.3} s = {mbps:.1} MB/s, {findings} findings",
        text.len() as f64 / 1e6,
        best
    );
}

fn split_at_lines(text: &[u8], target: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = (start + target).min(text.len());
        let cut = if end == text.len() {
            end
        } else {
            text[end..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |p| end + p + 1)
        };
        out.push(&text[start..cut]);
        start = cut;
    }
    out
}
