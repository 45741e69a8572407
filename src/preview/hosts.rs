//! Which names a request may be addressed to: `localhost`, an IP address,
//! or a name given with `--allow-host` — and what `--allow-host` takes: a
//! host name alone, never an address (which needs no allowing) or a port.
//! A page elsewhere that makes a browser ask a name of its own that points
//! here (DNS rebinding) is not answered: such a name is none of these.

use crate::tr;

/// Whether a Host header (lower-cased, with or without a port) names
/// `localhost`, an IP address or one of `allowed`.
pub fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let name = host
        .rsplit_once(':')
        .filter(|(name, port)| {
            port.bytes().all(|b| b.is_ascii_digit()) && (!name.contains(':') || name.ends_with(']'))
        })
        .map_or(host, |(name, _)| name);
    let ipv6 = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok());
    // A name may end in the root's dot: `drafts.lan.` is `drafts.lan`.
    let name = name.strip_suffix('.').unwrap_or(name);
    name == "localhost"
        || ipv6
        || name.parse::<std::net::Ipv4Addr>().is_ok()
        || allowed.iter().any(|a| a == name)
}

/// A name given to `--allow-host`, as a Host header names it: lower case,
/// without the root's dot; a port, a scheme, an IP address or anything but
/// a host name is refused, saying why.
pub fn host_name(given: &str) -> Result<String, String> {
    let name = given.trim().to_ascii_lowercase();
    let name = name.strip_suffix('.').unwrap_or(&name);
    if name.contains("://") || name.contains('/') {
        return Err(tr!("preview-host-is-address", given = format!("{given:?}")));
    }
    // An address with a port is an address too.
    let without_port = name
        .rsplit_once(':')
        .filter(|(host, port)| !host.contains(':') && port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(name, |(host, _)| host);
    if is_ip_address(name) || is_ip_address(without_port) {
        return Err(tr!("preview-host-is-ip", given = format!("{given:?}")));
    }
    if name.contains(':') {
        return Err(tr!("preview-host-has-port", given = format!("{given:?}")));
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(tr!("preview-host-not-a-name", given = format!("{given:?}")));
    }
    Ok(name.to_string())
}

/// Whether a host (lower-cased, without the root's dot) is an IP address as
/// a browser reads one: IPv6, in brackets or not, or a name whose last label
/// is a number (`127.1`, `0x7f.0.0.1`, `10.0.0.020`), which the URL
/// standard reads as IPv4 or refuses — never as a name to look up.
fn is_ip_address(host: &str) -> bool {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if bare.parse::<std::net::Ipv6Addr>().is_ok() {
        return true;
    }
    let last = host.rsplit('.').next().unwrap_or("");
    let hex = last
        .strip_prefix("0x")
        .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || hex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_answered_by_an_address_localhost_or_an_allowed_name() {
        let allowed = ["drafts.lan".to_string()];
        for host in [
            "localhost",
            "localhost:8040",
            "127.0.0.1:8040",
            "192.168.1.20:8040",
            "10.0.0.7",
            "[::1]:8040",
            "[::1]",
            "[fe80::1]:80",
            "drafts.lan:8040",
        ] {
            assert!(host_allowed(host, &allowed), "{host}");
        }
        for host in [
            "drafts.example.com",
            "drafts.example.com:8040",
            "localhost.example.com",
            "127.0.0.1.nip.io:8040",
            "::1",
            "[drafts.lan]",
            "",
            "drafts.lan.evil",
        ] {
            assert!(!host_allowed(host, &allowed), "{host}");
        }
    }

    #[test]
    fn a_name_to_allow_is_a_host_name_alone() {
        assert_eq!(host_name("Drafts.LAN").unwrap(), "drafts.lan");
        assert_eq!(host_name("drafts.lan.").unwrap(), "drafts.lan");
        assert_eq!(host_name("gongwen-1").unwrap(), "gongwen-1");
        assert_eq!(host_name("1.2.3.4.example").unwrap(), "1.2.3.4.example");
        assert_eq!(host_name("v2.0x7f.lan").unwrap(), "v2.0x7f.lan");
        for bad in [
            "drafts.lan:8040",
            "http://drafts.lan",
            "drafts..lan",
            "",
            "-drafts",
            "草稿.lan",
            "drafts lan",
            "*.lan",
        ] {
            assert!(host_name(bad).is_err(), "{bad}");
        }
        assert!(host_name("drafts.lan:8040").unwrap_err().contains("--port"));
        // An address, however a browser would write it, needs no allowing.
        for ip in [
            "1.2.3.4",
            "1.2.3.4:8040",
            "127.1",
            "0x7f.0.0.1",
            "10.0.0.020",
            "8.8.8.8.",
            "[::1]",
            "fe80::1",
            "::ffff:1.2.3.4",
            "2130706433",
        ] {
            let err = host_name(ip).unwrap_err();
            assert!(
                err.contains("IP address") && err.contains("--host"),
                "{ip}: {err}"
            );
        }
        let allowed = [host_name("Drafts.LAN.").unwrap()];
        assert!(host_allowed("drafts.lan.:8040", &allowed));
        assert!(host_allowed("localhost.", &allowed));
    }
}
