#include "cli/dataset_create.hpp"

#include <stdexcept>

#include "toolkit/catalog_datasets.hpp"

namespace hw::cli {

int dataset_create(const std::string& name, const toolkit::ServerOptions& server, std::ostream& out,
                   std::ostream& err) {
  try {
    toolkit::ApiClient client(server);
    out << toolkit::create_dataset(client, name) << "\n";
    return 0;
  } catch (const std::runtime_error& e) {
    err << "headwater dataset create: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace hw::cli
