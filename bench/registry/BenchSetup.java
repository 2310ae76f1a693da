import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imagingexchange.kit.persistence.SchemaMigrations;
import org.imagingexchange.registry.domain.PersonNames;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Set-up steps of the registry benchmark that must use the registry's own code, so the generated rows
 * are what the registry itself would write:
 * <ul>
 *   <li>{@code migrate JDBC_URL USER PASSWORD}: the registry's Flyway migrations (db/migration plus the
 *       vendor folder db/postgresql) through {@code SchemaMigrations}, exactly as the server applies them
 *       at start.</li>
 *   <li>{@code names DIR SEED COUNT}: a pool of COUNT patient names (DICOM PN, groups Alphabetic=
 *       Ideographic=Phonetic) and 400 referring physician names, in Latin with accents, Greek, Cyrillic,
 *       Japanese, Korean, Chinese, Arabic and Hebrew, with the folded search groups and fuzzy components of
 *       {@code PersonNames}; written as tab-separated files for psql's {@code \copy}.</li>
 * </ul>
 * Run with the registry's classes and dependencies on the class path (see run.sh). Invented names only.
 */
public final class BenchSetup {

    private static final String[] LATIN_FAMILY = {"Müller", "Schröder", "Dvořák", "Sørensen", "García", "Núñez",
            "Łukasiewicz", "Ødegård", "Brontë", "Françoise", "Göransson", "Håkansson", "Jędrzejczak", "Kovačević",
            "Lefèvre", "Mäkinen", "Nováková", "Øvergaard", "Pérez", "Quiñones", "Rønning", "Śliwiński", "Thérien",
            "Ullmann", "Vásquez", "Wójcik", "Yılmaz", "Zürcher", "Smith", "Johnson", "Williams", "Brown", "Jones",
            "Miller", "Davis", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Michel", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
            "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Costa",
            "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
            "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Schmidt", "Schneider", "Fischer",
            "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
            "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König",
            "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
            "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Nowak", "Kowalski", "Wiśniewski", "Wójtowicz",
            "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Novák",
            "Svoboda", "Novotný", "Dvořáková", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec",
            "Pokorný", "Marek", "Pospíšil", "Hájek", "Jelínek", "Král", "Růžička", "Beneš", "Fiala", "Sedláček",
            "Doležal", "Zeman", "Kolář", "Navrátil", "Čermák", "Vaněk", "Urban", "Blažek", "Kříž", "Kovács",
            "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács",
            "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz", "Fekete", "Szilágyi", "Török", "Fehér",
            "Balázs", "Gál", "Kis", "Szűcs", "Kocsis", "Orsós", "Pintér", "Fodor", "Nagy", "Rodríguez",
            "González", "Fernández", "López", "Martínez", "Sánchez", "Gómez", "Martín", "Jiménez", "Ruiz",
            "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro",
            "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales",
            "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Iglesias", "Medina",
            "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz",
            "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos",
            "Vega", "Fuentes", "Carrasco", "Diez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana",
            "Herrero", "Lorenzo", "Montero", "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago",
            "Benítez", "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto",
            "Sáez", "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Silva",
            "Oliveira", "Pereira", "Ferreira", "Rodrigues", "Gonçalves", "Gomes", "Lopes", "Marques", "Almeida",
            "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares",
            "Vieira", "Monteiro", "Cardoso", "Rocha", "Neves", "Coelho", "Cunha", "Pires", "Simões", "Antunes",
            "Matos", "Fonseca", "Magalhães", "Loureiro", "Lourenço", "Araújo", "Barbosa", "Tavares", "Machado",
            "Sørlie", "Ångström", "Öberg", "Åberg", "Lindqvist", "Nyström", "Sjöberg", "Bäckström", "Wåhlin",
            "Eriksson", "Andersson", "Karlsson", "Nilsson", "Larsson", "Olsson", "Persson", "Svensson",
            "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg",
            "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindholm", "Axelsson", "Berg", "Bergström",
            "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg",
            "Henriksson", "Forsberg", "Sjögren", "Danielsson", "Håkansson", "Engström", "Lundin", "Eklund",
            "Gunnarsson", "Holm", "Samuelsson", "Fransson", "Wallin", "Björk", "Isaksson", "Nordström"};
    private static final String[] LATIN_GIVEN = {"Jürgen", "Zoë", "Renée", "José", "Łucja", "Søren", "Ångela",
            "François", "Hélène", "Jiří", "Ágnes", "Ignacio", "Noémie", "Oğuz", "Ülla", "Anna", "Maria", "Eva",
            "Sofia", "Emma", "Julia", "Laura", "Sara", "Lena", "Marta", "Petra", "Katarzyna", "Agnieszka", "Ana",
            "Lucía", "Paula", "Inês", "Beatriz", "Chloé", "Léa", "Manon", "Giulia", "Chiara", "Francesca",
            "Elena", "Ingrid", "Astrid", "Märta", "Björn", "Lars", "Jan", "Piotr", "Tomáš", "Pavel", "János",
            "László", "Péter", "Juan", "Carlos", "João", "Pedro", "Luca", "Marco", "Matteo", "Thomas", "Pierre",
            "Jean", "Luc", "Dirk", "Pieter", "Sven", "Erik", "Nils", "Olav", "Mikkel", "Hans", "Klaus", "Stefan",
            "Michael", "David", "Daniel", "Martin", "Paul", "Peter", "Andreas", "Markus", "Wojciech", "Krzysztof",
            "Zbigniew", "Miroslav", "Zdeněk", "Václav", "Gábor", "Zoltán", "Ádám", "Dávid", "Álvaro", "Íñigo",
            "Raúl", "Andrés", "Sébastien", "Jérôme", "Anaïs", "Maëlle", "Björg"};
    private static final String[] GREEK_FAMILY = {"Παπαδόπουλος", "Παπαδοπούλου", "Γεωργίου", "Νικολάου",
            "Οικονόμου", "Καραγιάννης", "Βασιλείου", "Δημητρίου", "Αθανασίου", "Ιωάννου"};
    private static final String[] GREEK_GIVEN = {"Γιώργος", "Μαρία", "Ελένη", "Δημήτρης", "Κατερίνα", "Νίκος",
            "Σοφία", "Ανδρέας"};
    private static final String[] CYRILLIC_FAMILY = {"Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов",
            "Соколова", "Лебедев", "Козлова", "Новиков", "Морозова", "Йорданов", "Ёлкина"};
    private static final String[] CYRILLIC_GIVEN = {"Алексей", "Мария", "Дмитрий", "Анна", "Сергей", "Елена",
            "Йордан", "Юлия"};
    /** Japanese: alphabetic (romaji), ideographic (kanji), phonetic (hiragana). */
    private static final String[][] JAPANESE_FAMILY = {{"Yamada", "山田", "やまだ"}, {"Tanaka", "田中", "たなか"},
            {"Suzuki", "鈴木", "すずき"}, {"Takahashi", "高橋", "たかはし"}, {"Watanabe", "渡辺", "わたなべ"},
            {"Itō", "伊藤", "いとう"}, {"Nakamura", "中村", "なかむら"}, {"Kobayashi", "小林", "こばやし"}};
    private static final String[][] JAPANESE_GIVEN = {{"Tarō", "太郎", "たろう"}, {"Hanako", "花子", "はなこ"},
            {"Yūki", "由紀", "ゆうき"}, {"Kenji", "健二", "けんじ"}, {"Sakura", "さくら", "さくら"},
            {"Hiroshi", "博", "ひろし"}};
    /** Korean: alphabetic, ideographic (hanja), phonetic (hangul). */
    private static final String[][] KOREAN_FAMILY = {{"Hong", "洪", "홍"}, {"Kim", "金", "김"}, {"Lee", "李", "이"},
            {"Park", "朴", "박"}, {"Choi", "崔", "최"}};
    private static final String[][] KOREAN_GIVEN = {{"Gildong", "吉洞", "길동"}, {"Minjun", "敏俊", "민준"},
            {"Seoyeon", "瑞妍", "서연"}, {"Jiho", "智浩", "지호"}};
    /** Chinese: alphabetic (pinyin), ideographic. */
    private static final String[][] CHINESE_FAMILY = {{"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"},
            {"Chen", "陈"}, {"Yang", "杨"}};
    private static final String[][] CHINESE_GIVEN = {{"Xiaoming", "小明"}, {"Wei", "伟"}, {"Fang", "芳"},
            {"Jing", "静"}, {"Lei", "磊"}};
    private static final String[] ARABIC_FAMILY = {"حداد", "منصور", "خوري", "عباس", "سعيد"};
    private static final String[] ARABIC_GIVEN = {"أحمد", "فاطمة", "ليلى", "يوسف"};
    private static final String[] HEBREW_FAMILY = {"כהן", "לוי", "מזרחי", "פרץ", "ביטון"};
    private static final String[] HEBREW_GIVEN = {"נועה", "דוד", "שרה", "יוסף"};

    private BenchSetup() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("migrate")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(args[1]);
            ds.setUser(args[2]);
            ds.setPassword(args[3]);
            int applied = SchemaMigrations.migrate(ds, "study-registry", org.imagingexchange.registry.persistence
                    .RegistrySchema.class.getClassLoader());
            System.out.println("migrations applied: " + applied);
        } else if (args.length == 4 && args[0].equals("names")) {
            Path dir = Path.of(args[1]);
            Random random = new Random(Long.parseLong(args[2]));
            writePool(dir.resolve("patient_names.tsv"), dir.resolve("patient_name_components.tsv"),
                    patientNames(random, Integer.parseInt(args[3])));
            writePool(dir.resolve("physician_names.tsv"), null, physicianNames(random, 400));
        } else {
            System.err.println("usage: BenchSetup migrate JDBC_URL USER PASSWORD | names DIR SEED COUNT");
            System.exit(2);
        }
    }

    /** Patient names: about 78% Latin (accents included), the rest in eight other scripts. */
    private static List<String> patientNames(Random r, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int script = r.nextInt(100);
            String middle = r.nextInt(5) == 0 ? "^" + pick(r, LATIN_GIVEN) : "";
            if (script < 78) {
                out.add(pick(r, LATIN_FAMILY) + "^" + pick(r, LATIN_GIVEN) + middle);
            } else if (script < 82) {
                out.add(pick(r, GREEK_FAMILY) + "^" + pick(r, GREEK_GIVEN));
            } else if (script < 87) {
                out.add(pick(r, CYRILLIC_FAMILY) + "^" + pick(r, CYRILLIC_GIVEN));
            } else if (script < 92) {
                String[] f = JAPANESE_FAMILY[r.nextInt(JAPANESE_FAMILY.length)];
                String[] g = JAPANESE_GIVEN[r.nextInt(JAPANESE_GIVEN.length)];
                out.add(f[0] + "^" + g[0] + "=" + f[1] + "^" + g[1] + "=" + f[2] + "^" + g[2]);
            } else if (script < 95) {
                String[] f = KOREAN_FAMILY[r.nextInt(KOREAN_FAMILY.length)];
                String[] g = KOREAN_GIVEN[r.nextInt(KOREAN_GIVEN.length)];
                out.add(f[0] + "^" + g[0] + "=" + f[1] + "^" + g[1] + "=" + f[2] + "^" + g[2]);
            } else if (script < 97) {
                String[] f = CHINESE_FAMILY[r.nextInt(CHINESE_FAMILY.length)];
                String[] g = CHINESE_GIVEN[r.nextInt(CHINESE_GIVEN.length)];
                out.add(f[0] + "^" + g[0] + "=" + f[1] + "^" + g[1]);
            } else if (script < 99) {
                out.add(pick(r, ARABIC_FAMILY) + "^" + pick(r, ARABIC_GIVEN));
            } else {
                out.add(pick(r, HEBREW_FAMILY) + "^" + pick(r, HEBREW_GIVEN));
            }
        }
        return out;
    }

    private static List<String> physicianNames(Random r, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pick(r, LATIN_FAMILY) + "^" + pick(r, LATIN_GIVEN) + "^^Dr.");
        }
        return out;
    }

    /** Rows: index, PN, folded alphabetic, ideographic, phonetic (\N when absent); components separately. */
    private static void writePool(Path names, Path components, List<String> pool) throws IOException {
        try (PrintWriter n = new PrintWriter(Files.newBufferedWriter(names, StandardCharsets.UTF_8));
             PrintWriter c = components == null ? null
                     : new PrintWriter(Files.newBufferedWriter(components, StandardCharsets.UTF_8))) {
            for (int i = 0; i < pool.size(); i++) {
                String pn = pool.get(i);
                List<String> groups = PersonNames.searchGroups(pn);
                n.println(i + "\t" + pn + "\t" + nul(groups.get(0)) + "\t" + nul(groups.get(1)) + "\t" + nul(groups.get(2)));
                if (c != null) {
                    for (String component : PersonNames.components(pn)) {
                        c.println(i + "\t" + component);
                    }
                }
            }
        }
    }

    private static String nul(String s) {
        return s == null ? "\\N" : s;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
