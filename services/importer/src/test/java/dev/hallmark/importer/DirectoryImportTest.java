package dev.hallmark.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local directory: new and changed files are imported, unchanged or merely touched ones not. */
class DirectoryImportTest {
  @TempDir Path work;
  @TempDir Path root;
  HikariDataSource db;
  RecordingSink sink;
  Importers importers;
  Path docs;

  @BeforeEach
  void start() throws Exception {
    db = Fixtures.database();
    sink = new RecordingSink();
    importers =
        Fixtures.importers(
            db,
            sink,
            new MutableClock(Fixtures.START),
            Fixtures.settings("p1", work, List.of(root)));
    docs = root.resolve("docs");
    Files.createDirectories(docs.resolve("2021"));
    Files.write(docs.resolve("bsi.json"), FixtureServer.resource("csaf/bsi-2022-0001.json"));
    Files.write(
        docs.resolve("2021/rhsa-2021_5186.json"),
        FixtureServer.resource("csaf/rhsa-2021_5186.json"));
    Files.writeString(docs.resolve("2021/notes.txt"), "not a document");
    Files.writeString(docs.resolve(".hidden.json"), "{}");
    importers.create(
        "dir",
        Fixtures.json(
            "{'directory': {'source': '"
                + docs
                + "', 'documents': 'advisory', 'onlyPatterns': ['\\\\.json$']}}"));
  }

  @AfterEach
  void stop() {
    importers.close();
    db.close();
  }

  @Test
  void newAndChangedFilesOnly() throws Exception {
    RunReport first = importers.run("dir").orElseThrow();
    assertThat(first.stored()).isEqualTo(2);
    assertThat(sink.names).containsExactly("2021/rhsa-2021_5186.json", "bsi.json");

    Path touched = docs.resolve("bsi.json");
    Files.setLastModifiedTime(touched, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    RunReport second = importers.run("dir").orElseThrow();
    assertThat(second.stored() + second.duplicate()).isZero();
    assertThat(second.skipped()).isEqualTo(2);

    Files.write(
        docs.resolve("2021/rhsa-2021_5217.json"),
        FixtureServer.resource("csaf/rhsa-2021_5217.json"));
    Files.writeString(docs.resolve("2021/rhsa-2021_5186.json"), "{\"changed\": true}");
    RunReport third = importers.run("dir").orElseThrow();
    assertThat(third.stored()).isEqualTo(2);
    assertThat(third.skipped()).isEqualTo(1);
    assertThat(sink.names).hasSize(4);
  }

  @Test
  void oversizedAndBadFilesAreRefusedOnceUntilTheyChange() throws Exception {
    importers.patch(
        "dir", Fixtures.json("{'directory': {'sizeLimit': 8000}}"), java.util.Optional.empty());
    Files.writeString(docs.resolve("bad.json"), "{oops");
    RunReport first = importers.run("dir").orElseThrow();
    assertThat(first.stored()).isEqualTo(1); // bsi (6.7 KB); rhsa-2021_5186 is 14 KB
    assertThat(first.rejected()).isEqualTo(2);
    assertThat(first.messages())
        .extracting(RunReport.Message::message)
        .anySatisfy(m -> assertThat(m).contains("larger than the sizeLimit of 8000"))
        .anySatisfy(m -> assertThat(m).contains("not JSON"));
    RunReport second = importers.run("dir").orElseThrow();
    assertThat(second.rejected()).isZero();
    assertThat(second.skipped()).isEqualTo(3);
  }
}
