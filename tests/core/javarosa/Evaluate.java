// Evaluates XPath expressions with JavaRosa, the engine of ODK Collect, for
// tests/core/test_survey_odk_semantics.py. Run with the JavaRosa classes pyxform ships
// in ODK_Validate.jar on the class path:
//     java -cp ODK_Validate.jar Evaluate.java FORM.xml < expressions
// Reads one expression per line (paths like /data/age) and writes one line per
// expression: the Java type of the result, a tab and the value, or "Error", a tab and
// the message. Dates are written as local yyyy-MM-dd'T'HH:mm:ss.SSS. The form is stepped
// through first, as ODK Collect does, so repeats get the instances their jr:count asks for.
// A line "#locale nl" sets the device's locale (format-date's month and day names) for the
// lines after it and writes nothing.

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.condition.EvaluationContext;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.model.xform.XFormsModule;
import org.javarosa.xform.util.XFormUtils;
import org.javarosa.xpath.XPathNodeset;
import org.javarosa.xpath.XPathParseTool;

public class Evaluate {
    public static void main(String[] args) throws Exception {
        new XFormsModule().registerModule(); // jr:choice-name() needs the XForms factories
        FormDef form = XFormUtils.getFormFromInputStream(new FileInputStream(args[0]));
        form.initialize(true, new InstanceInitializationFactory());
        FormEntryController entry = new FormEntryController(new FormEntryModel(form));
        entry.jumpToIndex(FormIndex.createBeginningOfFormIndex());
        while (entry.stepToNextEvent() != FormEntryController.EVENT_END_OF_FORM) {
            // FormEntryModel creates each counted repeat instance as it is reached.
        }
        EvaluationContext context = new EvaluationContext(
            form.getEvaluationContext(), form.getMainInstance().getRoot().getRef());
        SimpleDateFormat moment = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
        BufferedReader in = new BufferedReader(
            new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("#locale ")) {
                Locale.setDefault(Locale.forLanguageTag(line.substring("#locale ".length())));
                continue;
            }
            String written;
            try {
                Object value = XPathParseTool.parseXPath(line).eval(form.getMainInstance(), context);
                if (value instanceof XPathNodeset) {
                    value = ((XPathNodeset) value).unpack();
                }
                String text = value instanceof Date ? moment.format((Date) value) : String.valueOf(value);
                written = value.getClass().getSimpleName() + "\t" + escape(text);
            } catch (Throwable error) {
                written = "Error\t" + escape(error.getClass().getSimpleName() + ": " + error.getMessage());
            }
            out.println(written);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }
}
