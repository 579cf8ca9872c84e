#include "analysis/simulate.h"

#include <algorithm>
#include <numeric>

namespace xenplan {
namespace {

enum class Behaviour { Busy, LateWake };

// A LateWake vCPU sleeps until its window's end minus its budget, then wants the CPU until it
// has also used up the next window's budget (a back-to-back burst of up to 2B), then sleeps
// through the rest of that window.
struct State {
  uint64_t window_start = 0, window_end = 0;
  uint64_t budget_left = 0;
  uint64_t received = 0;   // level-0 service in the current window
  bool bursting = false;   // LateWake: awake and wanting the CPU
  bool skip_wake = false;  // LateWake: this window's burst already happened at its start
};

class Simulation {
 public:
  Simulation(const std::vector<SimVcpu>& v, uint32_t cpus, std::vector<Behaviour> behaviour,
             bool reverse_ties, uint64_t horizon, uint64_t* events_left)
      : v_(v),
        cpus_(cpus),
        behaviour_(std::move(behaviour)),
        reverse_ties_(reverse_ties),
        horizon_(horizon),
        events_left_(events_left),
        state_(v.size()) {
    for (size_t i = 0; i < v_.size(); ++i) {
      state_[i].window_end = v_[i].period_us;
      state_[i].budget_left = v_[i].budget_us;
    }
  }

  // Runs until the horizon, the first miss, or the event budget; `record` keeps the schedule
  // inside [record_from, record_to).
  std::optional<SimMiss> run(uint64_t record_from = 1, uint64_t record_to = 0) {
    uint64_t now = 0;
    start_bursts(now);
    std::vector<size_t> running;
    while (now < horizon_) {
      if (*events_left_ == 0) return std::nullopt;
      --*events_left_;
      running = pick();
      const uint64_t next = next_event(now, running);
      for (size_t slot = 0; slot < running.size(); ++slot) {
        const size_t i = running[slot];
        state_[i].budget_left -= next - now;
        state_[i].received += next - now;
        if (record_from < record_to && next > record_from && now < record_to) {
          schedule_.push_back(
              {std::max(now, record_from), std::min(next, record_to), static_cast<uint32_t>(slot), i});
        }
      }
      now = next;
      end_bursts(now);
      if (auto miss = roll_windows(now)) return miss;
      start_bursts(now);
    }
    return std::nullopt;
  }

  std::vector<SimSegment> take_schedule() { return std::move(schedule_); }

 private:
  bool runnable(size_t i) const { return behaviour_[i] == Behaviour::Busy || state_[i].bursting; }

  void start_bursts(uint64_t now) {
    for (size_t i = 0; i < v_.size(); ++i) {
      State& s = state_[i];
      if (behaviour_[i] == Behaviour::LateWake && !s.bursting && !s.skip_wake &&
          now + v_[i].budget_us >= s.window_end) {
        s.bursting = true;
      }
    }
  }

  // A burst ends when it used up a window's budget before that window ended.
  void end_bursts(uint64_t now) {
    for (size_t i = 0; i < v_.size(); ++i) {
      State& s = state_[i];
      if (s.bursting && s.budget_left == 0 && now < s.window_end) {
        s.bursting = false;
        s.skip_wake = true;
      }
    }
  }

  std::vector<size_t> pick() const {
    std::vector<size_t> ready;
    for (size_t i = 0; i < v_.size(); ++i) {
      if (state_[i].budget_left > 0 && runnable(i)) ready.push_back(i);
    }
    std::sort(ready.begin(), ready.end(), [&](size_t a, size_t b) {
      if (state_[a].window_end != state_[b].window_end) return state_[a].window_end < state_[b].window_end;
      return reverse_ties_ ? a > b : a < b;
    });
    if (ready.size() > cpus_) ready.resize(cpus_);
    return ready;
  }

  uint64_t next_event(uint64_t now, const std::vector<size_t>& running) const {
    uint64_t next = horizon_;
    for (size_t i = 0; i < v_.size(); ++i) {
      next = std::min(next, state_[i].window_end);
      const uint64_t wake = state_[i].window_end - v_[i].budget_us;
      if (behaviour_[i] == Behaviour::LateWake && !state_[i].bursting && !state_[i].skip_wake && wake > now) {
        next = std::min(next, wake);
      }
    }
    for (size_t i : running) next = std::min(next, now + state_[i].budget_left);
    return next;
  }

  // Ends every window that ends at `now`; reports a busy vCPU that got less than its budget.
  std::optional<SimMiss> roll_windows(uint64_t now) {
    for (size_t i = 0; i < v_.size(); ++i) {
      State& s = state_[i];
      if (s.window_end != now) continue;
      if (behaviour_[i] == Behaviour::Busy && s.received < v_[i].budget_us) {
        return SimMiss{i, s.window_start, s.window_end, s.received, {}, {}};
      }
      s.skip_wake = false;
      s.window_start = now;
      s.window_end = now + v_[i].period_us;
      s.budget_left = v_[i].budget_us;
      s.received = 0;
    }
    return std::nullopt;
  }

  const std::vector<SimVcpu>& v_;
  uint32_t cpus_;
  std::vector<Behaviour> behaviour_;
  bool reverse_ties_;
  uint64_t horizon_;
  uint64_t* events_left_;
  std::vector<State> state_;
  std::vector<SimSegment> schedule_;
};

uint64_t horizon_for(const std::vector<SimVcpu>& v) {
  // Two hyperperiods when they are short; otherwise a long stretch of the longest period.
  uint64_t max_period = 0, lcm = 1;
  bool lcm_ok = true;
  for (const auto& x : v) {
    max_period = std::max(max_period, x.period_us);
    if (lcm_ok) {
      const uint64_t g = std::gcd(lcm, x.period_us);
      if (lcm / g > (uint64_t{1} << 40) / x.period_us)
        lcm_ok = false;
      else
        lcm = lcm / g * x.period_us;
    }
  }
  const uint64_t cap = max_period * 64;
  return lcm_ok ? std::min(2 * lcm, cap) : cap;
}

}  // namespace

SimOutcome find_counterexample(const std::vector<SimVcpu>& vcpus, uint32_t cpus, uint64_t max_events) {
  SimOutcome out;
  if (vcpus.empty() || cpus == 0) return out;
  const uint64_t horizon = horizon_for(vcpus);
  uint64_t events_left = max_events;
  // Scenario 0: everyone busy; scenario k+1: vCPU k busy, the others bursting late.
  for (size_t scenario = 0; scenario <= vcpus.size(); ++scenario) {
    std::vector<Behaviour> behaviour(vcpus.size(), scenario == 0 ? Behaviour::Busy : Behaviour::LateWake);
    if (scenario > 0) behaviour[scenario - 1] = Behaviour::Busy;
    std::optional<SimMiss> first;
    bool both = true;
    for (bool reverse : {false, true}) {
      Simulation sim(vcpus, cpus, behaviour, reverse, horizon, &events_left);
      auto miss = sim.run();
      if (!miss) {
        both = false;
        break;
      }
      if (!first) first = miss;
    }
    if (events_left == 0) {
      out.exhausted = true;
      return out;
    }
    if (!both || !first) continue;
    // Replay the first order, recording what ran during the victim's window.
    uint64_t replay_budget = max_events;
    Simulation replay(vcpus, cpus, behaviour, false, first->window_end_us + 1, &replay_budget);
    replay.run(first->window_start_us, first->window_end_us);
    first->schedule = replay.take_schedule();
    first->scenario = scenario == 0 ? "every vCPU is always runnable"
                                    : "the other vCPUs idle, then wake with their whole budget just before "
                                      "their window ends (a deferrable-server burst)";
    out.miss = first;
    return out;
  }
  return out;
}

}  // namespace xenplan
