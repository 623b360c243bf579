// Force-included (-include) into every C++ file of the wasm32-wasi clang build.
//
// WHY: Debian's libc++-19-dev-wasm32 is configured with _LIBCPP_HAS_NO_THREADS, so
// <mutex>, <shared_mutex>, <condition_variable>, <thread> and <future> declare next to
// nothing. LLVM built with LLVM_ENABLE_THREADS=OFF still names std::mutex,
// std::recursive_mutex, std::unique_lock, std::shared_mutex/shared_lock (RWMutex.h),
// std::condition_variable, std::thread::hardware_concurrency, std::this_thread, and
// llvm::SingleThreadExecutor (ThreadPool.h) still builds on std::async(deferred) +
// std::shared_future. With exactly one thread these can all be trivial:
//   - locks never contend, so lock/unlock do nothing;
//   - a condition variable can never be notified by someone else, so a predicate
//     wait whose predicate is false would hang forever: we abort loudly instead;
//   - "starting a thread" runs the function to completion right away (the same thing
//     llvm::thread does when LLVM_ENABLE_THREADS=OFF);
//   - futures are deferred computations run on first get()/wait().
// This header is written for this build only; it is not a general implementation.
#ifndef EBPF_PLAYGROUND_WASI_COMPAT_H
#define EBPF_PLAYGROUND_WASI_COMPAT_H

#if defined(__wasi__) && defined(__cplusplus)

#include <__config>

#if defined(_LIBCPP_HAS_NO_THREADS)

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>

_LIBCPP_BEGIN_NAMESPACE_STD

[[noreturn]] inline void __wasi_single_thread_fatal(const char *what) {
  std::fprintf(stderr, "fatal: %s (single-threaded WASI build)\n", what);
  std::abort();
}

// ---- mutexes: nothing can contend, so every operation succeeds at once ----------
#define WASI_COMPAT_NOOP_LOCKABLE(Name, CtorSpec)                                   \
  class Name {                                                                      \
  public:                                                                           \
    CtorSpec Name() noexcept = default;                                             \
    Name(const Name &) = delete;                                                    \
    Name &operator=(const Name &) = delete;                                         \
    void lock() {}                                                                  \
    bool try_lock() { return true; }                                                \
    void unlock() {}                                                                \
    template <class R, class P> bool try_lock_for(const chrono::duration<R, P> &) { \
      return true;                                                                  \
    }                                                                               \
    template <class C, class D>                                                     \
    bool try_lock_until(const chrono::time_point<C, D> &) {                         \
      return true;                                                                  \
    }                                                                               \
    void lock_shared() {}                                                           \
    bool try_lock_shared() { return true; }                                         \
    void unlock_shared() {}                                                         \
  };
WASI_COMPAT_NOOP_LOCKABLE(mutex, constexpr)
WASI_COMPAT_NOOP_LOCKABLE(recursive_mutex, )
WASI_COMPAT_NOOP_LOCKABLE(timed_mutex, )
WASI_COMPAT_NOOP_LOCKABLE(recursive_timed_mutex, )
WASI_COMPAT_NOOP_LOCKABLE(shared_mutex, )
WASI_COMPAT_NOOP_LOCKABLE(shared_timed_mutex, )
#undef WASI_COMPAT_NOOP_LOCKABLE

// ---- lock holders (std::lock_guard exists even without threads) -----------------
template <class M> class unique_lock {
  M *m_ = nullptr;
  bool owns_ = false;

public:
  using mutex_type = M;
  unique_lock() noexcept = default;
  explicit unique_lock(M &m) : m_(&m), owns_(true) { m.lock(); }
  unique_lock(M &m, defer_lock_t) noexcept : m_(&m) {}
  unique_lock(M &m, try_to_lock_t) : m_(&m), owns_(m.try_lock()) {}
  unique_lock(M &m, adopt_lock_t) : m_(&m), owns_(true) {}
  template <class R, class P>
  unique_lock(M &m, const chrono::duration<R, P> &) : unique_lock(m) {}
  template <class C, class D>
  unique_lock(M &m, const chrono::time_point<C, D> &) : unique_lock(m) {}
  unique_lock(const unique_lock &) = delete;
  unique_lock &operator=(const unique_lock &) = delete;
  unique_lock(unique_lock &&o) noexcept : m_(o.m_), owns_(o.owns_) {
    o.m_ = nullptr;
    o.owns_ = false;
  }
  unique_lock &operator=(unique_lock &&o) noexcept {
    if (owns_)
      m_->unlock();
    m_ = o.m_;
    owns_ = o.owns_;
    o.m_ = nullptr;
    o.owns_ = false;
    return *this;
  }
  ~unique_lock() {
    if (owns_)
      m_->unlock();
  }
  void lock() { m_->lock(), owns_ = true; }
  bool try_lock() { return owns_ = m_->try_lock(); }
  void unlock() { m_->unlock(), owns_ = false; }
  void swap(unique_lock &o) noexcept {
    std::swap(m_, o.m_);
    std::swap(owns_, o.owns_);
  }
  M *release() noexcept {
    M *m = m_;
    m_ = nullptr;
    owns_ = false;
    return m;
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  M *mutex() const noexcept { return m_; }
};
template <class M> void swap(unique_lock<M> &a, unique_lock<M> &b) noexcept { a.swap(b); }

template <class M> class shared_lock {
  M *m_ = nullptr;
  bool owns_ = false;

public:
  using mutex_type = M;
  shared_lock() noexcept = default;
  explicit shared_lock(M &m) : m_(&m), owns_(true) { m.lock_shared(); }
  shared_lock(M &m, defer_lock_t) noexcept : m_(&m) {}
  shared_lock(M &m, adopt_lock_t) : m_(&m), owns_(true) {}
  shared_lock(const shared_lock &) = delete;
  shared_lock &operator=(const shared_lock &) = delete;
  shared_lock(shared_lock &&o) noexcept : m_(o.m_), owns_(o.owns_) {
    o.m_ = nullptr;
    o.owns_ = false;
  }
  ~shared_lock() {
    if (owns_)
      m_->unlock_shared();
  }
  void lock() { m_->lock_shared(), owns_ = true; }
  void unlock() { m_->unlock_shared(), owns_ = false; }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  M *mutex() const noexcept { return m_; }
};

template <class... Ms> class scoped_lock {
  tuple<Ms &...> ms_;

public:
  explicit scoped_lock(Ms &...ms) : ms_(ms...) { (ms.lock(), ...); }
  scoped_lock(adopt_lock_t, Ms &...ms) : ms_(ms...) {}
  ~scoped_lock() {
    std::apply([](auto &...m) { (m.unlock(), ...); }, ms_);
  }
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock &operator=(const scoped_lock &) = delete;
};

template <class L1, class L2, class... Ls> void lock(L1 &a, L2 &b, Ls &...rest) {
  a.lock();
  b.lock();
  (rest.lock(), ...);
}
template <class L1, class L2, class... Ls> int try_lock(L1 &a, L2 &b, Ls &...rest) {
  std::lock(a, b, rest...);
  return -1; // "all locked"
}

// ---- condition variables: nobody else can ever notify ---------------------------
enum class cv_status { no_timeout, timeout };

template <class Lock> struct __wasi_condition_variable {
  void notify_one() noexcept {}
  void notify_all() noexcept {}
  // An unconditional wait may wake spuriously; returning at once is allowed.
  void wait(Lock &) {}
  template <class Pred> void wait(Lock &, Pred pred) {
    if (!pred())
      __wasi_single_thread_fatal("condition_variable::wait would block forever");
  }
  template <class R, class P> cv_status wait_for(Lock &, const chrono::duration<R, P> &) {
    return cv_status::timeout;
  }
  template <class R, class P, class Pred>
  bool wait_for(Lock &, const chrono::duration<R, P> &, Pred pred) {
    return pred();
  }
  template <class C, class D>
  cv_status wait_until(Lock &, const chrono::time_point<C, D> &) {
    return cv_status::timeout;
  }
  template <class C, class D, class Pred>
  bool wait_until(Lock &, const chrono::time_point<C, D> &, Pred pred) {
    return pred();
  }
};
class condition_variable : public __wasi_condition_variable<unique_lock<mutex>> {};
class condition_variable_any {
public:
  void notify_one() noexcept {}
  void notify_all() noexcept {}
  template <class L> void wait(L &) {}
  template <class L, class Pred> void wait(L &, Pred pred) {
    if (!pred())
      __wasi_single_thread_fatal("condition_variable_any::wait would block forever");
  }
  template <class L, class R, class P> cv_status wait_for(L &, const chrono::duration<R, P> &) {
    return cv_status::timeout;
  }
  template <class L, class R, class P, class Pred>
  bool wait_for(L &, const chrono::duration<R, P> &, Pred pred) {
    return pred();
  }
};

// ---- threads: there is only the main one ----------------------------------------
class thread {
public:
  class id {
    unsigned v_ = 0; // 0 = "not a thread"; the main thread is 1
    friend class thread;
    friend id __wasi_this_thread_id() noexcept;
    explicit id(unsigned v) : v_(v) {}

  public:
    id() noexcept = default;
    friend bool operator==(id a, id b) noexcept { return a.v_ == b.v_; }
    friend bool operator!=(id a, id b) noexcept { return a.v_ != b.v_; }
    friend bool operator<(id a, id b) noexcept { return a.v_ < b.v_; }
    size_t __hash() const noexcept { return v_; }
  };
  using native_handle_type = int;

  thread() noexcept = default;
  // Runs f to completion before returning, like llvm::thread without threads.
  template <class F, class... Args,
            class = enable_if_t<!is_same<__remove_cvref_t<F>, thread>::value>>
  explicit thread(F &&f, Args &&...args) {
    std::invoke(std::forward<F>(f), std::forward<Args>(args)...);
  }
  thread(const thread &) = delete;
  thread &operator=(const thread &) = delete;
  thread(thread &&) noexcept = default;
  thread &operator=(thread &&) noexcept = default;
  bool joinable() const noexcept { return false; }
  void join() {}
  void detach() {}
  id get_id() const noexcept { return id(); }
  native_handle_type native_handle() noexcept { return 0; }
  void swap(thread &) noexcept {}
  static unsigned hardware_concurrency() noexcept { return 1; }
};
inline thread::id __wasi_this_thread_id() noexcept { return thread::id(1); }

template <> struct hash<thread::id> {
  size_t operator()(thread::id i) const noexcept { return i.__hash(); }
};

namespace this_thread {
inline thread::id get_id() noexcept { return __wasi_this_thread_id(); }
inline void yield() noexcept {}
// Nobody else can make progress while we sleep; returning at once is the useful thing.
template <class R, class P> void sleep_for(const chrono::duration<R, P> &) {}
template <class C, class D> void sleep_until(const chrono::time_point<C, D> &) {}
} // namespace this_thread

// ---- futures: deferred computations, run on first wait()/get() ------------------
enum class launch { async = 1, deferred = 2, any = async | deferred };
enum class future_status { ready, timeout, deferred };

template <class T> struct __wasi_future_state {
  function<T()> task;
  optional<T> value;
  void run() {
    if (!value && task) {
      auto t = std::move(task);
      task = nullptr;
      value.emplace(t());
    }
  }
  T &get() {
    run();
    if (!value)
      __wasi_single_thread_fatal("future has no value and nothing can provide one");
    return *value;
  }
  bool ready() const { return value.has_value(); }
};
template <class T> struct __wasi_future_state<T &> {
  function<T &()> task;
  T *value = nullptr;
  void run() {
    if (!value && task) {
      auto t = std::move(task);
      task = nullptr;
      value = &t();
    }
  }
  T &get() {
    run();
    if (!value)
      __wasi_single_thread_fatal("future has no value and nothing can provide one");
    return *value;
  }
  bool ready() const { return value != nullptr; }
};
template <> struct __wasi_future_state<void> {
  function<void()> task;
  bool done = false;
  void run() {
    if (!done && task) {
      auto t = std::move(task);
      task = nullptr;
      t();
      done = true;
    }
  }
  void get() {
    run();
    if (!done)
      __wasi_single_thread_fatal("future has no value and nothing can provide one");
  }
  bool ready() const { return done; }
};

template <class T> class shared_future;

template <class T> class future {
  template <class> friend class shared_future;
  shared_ptr<__wasi_future_state<T>> s_;

public:
  // Used by promise and async (implementation detail of this header).
  explicit future(shared_ptr<__wasi_future_state<T>> s) : s_(std::move(s)) {}
  future() noexcept = default;
  future(future &&) noexcept = default;
  future &operator=(future &&) noexcept = default;
  future(const future &) = delete;
  future &operator=(const future &) = delete;
  bool valid() const noexcept { return s_ != nullptr; }
  T get() {
    auto s = std::move(s_);
    if constexpr (is_void<T>::value)
      s->get();
    else if constexpr (is_reference<T>::value)
      return s->get();
    else
      return std::move(s->get());
  }
  void wait() const { s_->run(); }
  template <class R, class P> future_status wait_for(const chrono::duration<R, P> &) const {
    return s_->ready() ? future_status::ready : future_status::deferred;
  }
  shared_future<T> share() noexcept { return shared_future<T>(std::move(*this)); }
};

template <class T> class shared_future {
  shared_ptr<__wasi_future_state<T>> s_;

public:
  shared_future() noexcept = default;
  shared_future(future<T> &&f) noexcept : s_(std::move(f.s_)) {}
  bool valid() const noexcept { return s_ != nullptr; }
  decltype(auto) get() const {
    if constexpr (is_void<T>::value)
      s_->get();
    else if constexpr (is_reference<T>::value)
      return s_->get();
    else
      return static_cast<const T &>(s_->get());
  }
  void wait() const { s_->run(); }
  template <class R, class P> future_status wait_for(const chrono::duration<R, P> &) const {
    return s_->ready() ? future_status::ready : future_status::deferred;
  }
};

template <class T> class promise {
  shared_ptr<__wasi_future_state<T>> s_ = make_shared<__wasi_future_state<T>>();

public:
  promise() = default;
  promise(promise &&) noexcept = default;
  promise &operator=(promise &&) noexcept = default;
  future<T> get_future() { return future<T>(s_); }
  template <class U = T, class = enable_if_t<!is_void<U>::value>> void set_value(U &&v) {
    if constexpr (is_reference<T>::value)
      s_->value = &v;
    else
      s_->value.emplace(std::forward<U>(v));
  }
  template <class U = T, class = enable_if_t<is_void<U>::value>> void set_value() {
    s_->done = true;
  }
};

// std::launch::async runs now ("as if on another thread" that finished at once);
// anything else is deferred until the first wait()/get(), as the standard allows.
template <class F, class... A> auto async(launch policy, F &&f, A &&...args) {
  using R = invoke_result_t<decay_t<F>, decay_t<A>...>;
  auto s = make_shared<__wasi_future_state<R>>();
  s->task = [fn = std::forward<F>(f), tup = std::make_tuple(std::forward<A>(args)...)]() mutable
      -> R { return std::apply(fn, std::move(tup)); };
  if (policy == launch::async)
    s->run();
  return future<R>(std::move(s));
}
template <class F, class... A,
          class = enable_if_t<!is_same<__remove_cvref_t<F>, launch>::value>>
auto async(F &&f, A &&...args) {
  return std::async(launch::deferred, std::forward<F>(f), std::forward<A>(args)...);
}

_LIBCPP_END_NAMESPACE_STD

#endif // _LIBCPP_HAS_NO_THREADS
#endif // __wasi__ && __cplusplus
#endif // EBPF_PLAYGROUND_WASI_COMPAT_H
