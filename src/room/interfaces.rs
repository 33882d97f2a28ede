//! Which network interface the room listens on: a private, physical IPv4
//! interface by default, never every interface at once.

use std::net::{IpAddr, Ipv4Addr};

/// A candidate address to bind the room to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interface {
    pub name: String,
    pub addr: IpAddr,
    pub kind: InterfaceKind,
}

/// Best first: the order the room prefers them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InterfaceKind {
    /// Wi-Fi or ethernet with a private address: where a room's phones are.
    Local,
    /// Any other private address on a physical interface.
    Other,
    /// VPN, Docker, bridges, virtual machines: phones rarely reach these.
    Virtual,
    /// This computer only; for trying the room out or a tunnel.
    Loopback,
}

/// The interfaces the room could listen on, best first. Public and
/// link-local addresses and IPv6 are left out: a room belongs on a private
/// network (or behind a tunnel the facilitator chose).
pub fn interfaces() -> Vec<Interface> {
    let found = local_ip_address::list_afinet_netifas().unwrap_or_default();
    rank(found)
}

/// Sorts and filters (name, address) pairs; pure, for tests.
pub fn rank(found: impl IntoIterator<Item = (String, IpAddr)>) -> Vec<Interface> {
    let mut list: Vec<Interface> = found
        .into_iter()
        .filter_map(|(name, addr)| {
            let IpAddr::V4(v4) = addr else { return None };
            let kind = kind_of(&name, v4)?;
            Some(Interface { name, addr, kind })
        })
        .collect();
    list.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    list.dedup_by(|a, b| a.addr == b.addr);
    list
}

fn kind_of(name: &str, addr: Ipv4Addr) -> Option<InterfaceKind> {
    if addr.is_loopback() {
        return Some(InterfaceKind::Loopback);
    }
    if !addr.is_private() {
        return None;
    }
    const VIRTUAL: &[&str] = &[
        "docker",
        "br-",
        "veth",
        "virbr",
        "vmnet",
        "vboxnet",
        "tun",
        "tap",
        "wg",
        "tailscale",
        "utun",
        "zt",
        "ppp",
        "ipsec",
        "lxc",
        "lxd",
        "podman",
        "cni",
        "flannel",
        "vnic",
    ];
    const LOCAL: &[&str] = &["wl", "en", "eth", "wifi", "wi-fi", "ethernet", "wlan"];
    let lower = name.to_ascii_lowercase();
    if VIRTUAL.iter().any(|p| lower.starts_with(p)) || lower.contains("virtual") {
        Some(InterfaceKind::Virtual)
    } else if LOCAL.iter().any(|p| lower.starts_with(p)) {
        Some(InterfaceKind::Local)
    } else {
        Some(InterfaceKind::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(name: &str, addr: &str) -> (String, IpAddr) {
        (name.to_string(), addr.parse().unwrap())
    }

    #[test]
    fn wifi_and_ethernet_come_before_vpn_docker_and_loopback() {
        let ranked = rank([
            pair("lo", "127.0.0.1"),
            pair("docker0", "172.17.0.1"),
            pair("tailscale0", "100.64.0.3"),
            pair("wg0", "10.8.0.2"),
            pair("wlp2s0", "192.168.1.23"),
            pair("enp3s0", "10.0.0.5"),
            pair("br-1a2b", "172.18.0.1"),
        ]);
        let names: Vec<&str> = ranked.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["enp3s0", "wlp2s0", "br-1a2b", "docker0", "wg0", "lo"]
        );
        assert_eq!(ranked[0].kind, InterfaceKind::Local);
    }

    #[test]
    fn public_link_local_ipv6_and_unspecified_are_left_out() {
        let ranked = rank([
            pair("eth0", "203.0.113.9"),
            pair("eth1", "169.254.3.4"),
            pair("eth2", "0.0.0.0"),
            pair("eth3", "fe80::1"),
        ]);
        assert!(ranked.is_empty(), "{ranked:?}");
    }
}
