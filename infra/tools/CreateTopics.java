// Creates Kafka topics in one JVM (much faster than one TopicCommand per topic). Used by ./exsync infra up.
//
//   java -cp '.exsync/kafka/libs/*' infra/tools/CreateTopics.java <bootstrap> <name:partitions>...
//       creates the missing topics (replication factor 1); existing ones are left alone.
//   java -cp '.exsync/kafka/libs/*' infra/tools/CreateTopics.java --list <bootstrap>
//       prints "<name> <partitions>" for every non-internal topic.

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || (args[0].equals("--list") && args.length != 2)) {
            System.err.println("usage: CreateTopics <bootstrap> <name:partitions>...\n       CreateTopics --list <bootstrap>");
            System.exit(2);
        }
        boolean list = args[0].equals("--list");
        String bootstrap = list ? args[1] : args[0];

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "exsync-create-topics");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");

        try (Admin admin = Admin.create(props)) {
            if (list) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                Map<String, TopicDescription> descriptions =
                        new TreeMap<>(admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS));
                descriptions.forEach((name, d) -> System.out.println(name + " " + d.partitions().size()));
                return;
            }

            List<NewTopic> wanted = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] parts = args[i].split(":");
                if (parts.length != 2) {
                    System.err.println("bad topic spec (want name:partitions): " + args[i]);
                    System.exit(2);
                }
                wanted.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1));
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            int created = 0;
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new RuntimeException("creating topic " + entry.getKey() + " failed: " + e.getCause(), e);
                    }
                }
            }
            System.out.println("topics: " + created + " created, " + (wanted.size() - created) + " already present");
        }
    }
}
