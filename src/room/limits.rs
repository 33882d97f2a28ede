//! Rate limits and the connection cap. The limiter is a fixed window per
//! key with the time passed in, small enough not to warrant a crate and
//! testable without waiting.

use std::collections::HashMap;
use std::hash::Hash;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Sleep;

/// A connection with no traffic this long is closed, so phones that left
/// without a word (asleep, out of Wi-Fi) do not keep their place in the
/// connection cap all session. Event streams are pinged far more often.
pub const IDLE: Duration = Duration::from_secs(90);

/// At most `max` hits per key in each `window`.
pub struct Limiter<K> {
    max: u32,
    window: Duration,
    hits: HashMap<K, (Instant, u32)>,
}

impl<K: Eq + Hash + Clone> Limiter<K> {
    pub fn new(max: u32, window: Duration) -> Self {
        Limiter {
            max,
            window,
            hits: HashMap::new(),
        }
    }

    /// Counts a hit; false when `key` is over its limit.
    pub fn allow(&mut self, key: &K, now: Instant) -> bool {
        // Forget finished windows now and then, so the map stays small.
        if self.hits.len() > 1000 {
            let window = self.window;
            self.hits
                .retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = self.hits.entry(key.clone()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Whether `key` is over its limit, without counting a hit.
    pub fn blocked(&self, key: &K, now: Instant) -> bool {
        self.hits
            .get(key)
            .is_some_and(|(start, n)| now.duration_since(*start) < self.window && *n >= self.max)
    }
}

/// A TCP listener that holds at most `cap` connections open; further
/// phones wait in the operating system's accept queue.
pub struct CappedListener {
    inner: TcpListener,
    permits: Arc<Semaphore>,
}

impl CappedListener {
    pub fn new(inner: TcpListener, cap: usize) -> Self {
        CappedListener {
            inner,
            permits: Arc::new(Semaphore::new(cap)),
        }
    }
}

impl axum::serve::Listener for CappedListener {
    type Io = CappedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (CappedStream, SocketAddr) {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .expect("the connection semaphore is never closed");
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    // Votes and events are tiny; do not let Nagle hold them back.
                    let _ = stream.set_nodelay(true);
                    return (
                        CappedStream {
                            stream,
                            _permit: permit,
                            idle: Box::pin(tokio::time::sleep(IDLE)),
                        },
                        addr,
                    );
                }
                // Out of file descriptors and the like: wait, then go on.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// A connection that gives its place back when it closes, and closes
/// after [`IDLE`] without traffic.
pub struct CappedStream {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
    idle: Pin<Box<Sleep>>,
}

impl CappedStream {
    fn touch(&mut self) {
        self.idle.as_mut().reset(tokio::time::Instant::now() + IDLE);
    }

    /// Pending I/O turns into an error once the connection idled too long.
    fn pending_or_idle<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.idle.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for CappedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(r) => {
                self.touch();
                Poll::Ready(r)
            }
            Poll::Pending => self.pending_or_idle(cx),
        }
    }
}

impl AsyncWrite for CappedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write(cx, buf) {
            Poll::Ready(r) => {
                self.touch();
                Poll::Ready(r)
            }
            Poll::Pending => self.pending_or_idle(cx),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_over_its_limit_waits_for_the_next_window() {
        let mut limiter = Limiter::new(3, Duration::from_secs(10));
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(limiter.allow(&"a", t0));
        }
        assert!(!limiter.allow(&"a", t0 + Duration::from_secs(9)));
        assert!(limiter.blocked(&"a", t0 + Duration::from_secs(9)));
        assert!(limiter.allow(&"b", t0), "other keys are not affected");
        assert!(limiter.allow(&"a", t0 + Duration::from_secs(10)));
        assert!(!limiter.blocked(&"a", t0 + Duration::from_secs(10)));
    }
}
