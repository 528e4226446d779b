// hw::json::serialize against boost::json::serialize on records of about 1 KB, the
// reshaped-record path (keepAttributes, explodeEntityPath, mapping sets). Target: no
// slower than Boost.
#include "json/parse.hpp"
#include "json/serialize.hpp"

#include <benchmark/benchmark.h>
#include <boost/json/serialize.hpp>

#include <stdexcept>
#include <string>

namespace {

// About 1 KB (957 bytes as Boost writes it, 935 as Headwater does): ids, names, an address,
// prices, counts, flags, timestamps, a quoted word, non-ASCII text and line items.
constexpr const char* kMixedRecord = R"({
  "id": "ord-000184467", "customerId": "c-52201", "status": "shipped", "paid": true,
  "customer": {"name": "Zoë Müller", "email": "zoe.mueller@example.com", "phone": "+49 30 1234567",
               "address": {"street": "Friedrichstraße 12", "city": "Berlin", "zip": "10117",
                           "country": "DE", "lat": 52.5163, "lon": 13.3889}},
  "createdAt": "2024-03-14T09:26:53Z", "updatedAt": "2024-03-15T17:02:11Z",
  "currency": "EUR", "subtotal": 184.97, "tax": 35.14, "shipping": 4.99, "total": 225.1,
  "discount": 0.1, "weightKg": 2.75, "items": [
    {"sku": "SKU-1001", "title": "Espresso cups, set of 4", "qty": 2, "price": 24.5},
    {"sku": "SKU-2040", "title": "Grinder \"Pro\" 60 mm", "qty": 1, "price": 119.0},
    {"sku": "SKU-3307", "title": "Beans 1 kg, dark roast", "qty": 1, "price": 16.47}],
  "tags": ["gift", "priority", "newsletter"], "loyaltyPoints": 2250, "visits": 17,
  "note": "Please leave the parcel with the neighbour on the 2nd floor if nobody answers.",
  "source": {"channel": "web", "campaign": "spring-2024", "ratio": 0.3333333333333333}
})";

// The engine benchmark's record shape: a few fields and a long plain text.
const std::string kLongTextRecord =
    R"({"id":"r00000042","email":"user42@example.com","status":"subscribed","score":42.42,)"
    R"("created":"2024-01-15T18:42:00Z","address":{"city":"City 42","zip":"00042",)"
    R"("country":"DE"},"tags":["a0","b9"],"note":")" +
    std::string(790, 'x') + "\"}";

boost::json::value parsed(const std::string& text) {
  auto outcome = hw::json::parse(text);
  if (!outcome.ok) throw std::runtime_error(outcome.error);
  return std::move(outcome.value);
}

const boost::json::value& mixed() {
  static const auto record = parsed(kMixedRecord);
  return record;
}

const boost::json::value& long_text() {
  static const auto record = parsed(kLongTextRecord);
  return record;
}

void boost_serialize(benchmark::State& state, const boost::json::value& record) {
  for (auto _ : state) {
    auto text = boost::json::serialize(record);
    benchmark::DoNotOptimize(text);
  }
}

void hw_serialize(benchmark::State& state, const boost::json::value& record) {
  for (auto _ : state) {
    auto text = hw::json::serialize(record);
    benchmark::DoNotOptimize(text);
  }
}

// The record path appends each record to one buffer it reuses.
void hw_serialize_to(benchmark::State& state, const boost::json::value& record) {
  std::string buffer;
  for (auto _ : state) {
    buffer.clear();
    hw::json::serialize_to(buffer, record);
    benchmark::DoNotOptimize(buffer.data());
  }
}

void BM_BoostSerializeMixedRecord(benchmark::State& state) {
  boost_serialize(state, mixed());
}
BENCHMARK(BM_BoostSerializeMixedRecord);

void BM_HwSerializeMixedRecord(benchmark::State& state) {
  hw_serialize(state, mixed());
}
BENCHMARK(BM_HwSerializeMixedRecord);

void BM_HwSerializeToMixedRecord(benchmark::State& state) {
  hw_serialize_to(state, mixed());
}
BENCHMARK(BM_HwSerializeToMixedRecord);

void BM_BoostSerializeLongTextRecord(benchmark::State& state) {
  boost_serialize(state, long_text());
}
BENCHMARK(BM_BoostSerializeLongTextRecord);

void BM_HwSerializeLongTextRecord(benchmark::State& state) {
  hw_serialize(state, long_text());
}
BENCHMARK(BM_HwSerializeLongTextRecord);

void BM_HwSerializeToLongTextRecord(benchmark::State& state) {
  hw_serialize_to(state, long_text());
}
BENCHMARK(BM_HwSerializeToLongTextRecord);

}  // namespace
