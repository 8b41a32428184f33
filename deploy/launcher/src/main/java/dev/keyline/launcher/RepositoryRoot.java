package dev.keyline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Finds the Keyline checkout: the nearest directory whose {@code pom.xml} is the {@code keyline-parent} project. */
public final class RepositoryRoot {

    static final String PARENT_ARTIFACT_ID = "keyline-parent";

    private RepositoryRoot() {}

    /** Walks up from {@code start} and returns the first directory that contains the parent pom. */
    public static Path find(Path start) {
        for (Path directory = start.toAbsolutePath().normalize();
                directory != null;
                directory = directory.getParent()) {
            Path pom = directory.resolve("pom.xml");
            if (Files.isRegularFile(pom) && PARENT_ARTIFACT_ID.equals(projectArtifactId(pom))) {
                return directory;
            }
        }
        throw new IllegalStateException("no Keyline repository above " + start.toAbsolutePath()
                + ": no pom.xml with artifactId " + PARENT_ARTIFACT_ID + " found; run bin/keyline from the checkout");
    }

    /**
     * Returns the project's own {@code artifactId}, not the one inside {@code <parent>}, or null when the file is not a
     * readable pom.
     */
    static String projectArtifactId(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals("artifactId")) {
                    return element.getTextContent().trim();
                }
            }
            return null;
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return null;
        }
    }
}
